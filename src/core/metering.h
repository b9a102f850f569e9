/* metering.h: metered usage, rounded up per record to the meter's minimum increment. */
#ifndef BILLTOP_METERING_H
#define BILLTOP_METERING_H

#include <stddef.h>
#include <stdint.h>

#include "core/money.h"

/*
 * Raw quantities are integers in a base unit (seconds, bytes, tokens, characters).
 * raw_per_unit: raw units in one display unit (minute = 60, GB = 1000000000, token = 1).
 * increment: minimum billed increment in raw units (1 minute = 60, 0.01 GB = 10000000).
 * credits_milli_per_unit: credits per display unit in thousandths
 *   (1 credit per minute = 1000; 2 credits per 1000 tokens = 2).
 */
struct meter_def {
	int64_t raw_per_unit;
	int64_t increment;
	int64_t credits_milli_per_unit;
};

/* 1 if raw_per_unit > 0, increment > 0 and credits_milli_per_unit >= 0 (increment need not divide raw_per_unit). */
int meter_def_valid(const struct meter_def *def);

/* One record rounded UP to the increment: 10 s at 60 -> 60, 70 -> 120, 0 -> 0.  Negative raw or invalid def: MONEY_ERR_RANGE. */
enum money_err meter_round_up(const struct meter_def *def, int64_t raw, int64_t *billed_raw);

struct meter_total {
	int64_t records;
	int64_t raw;
	int64_t billed_raw;
};

/* Rounds the record first, then sums (checked); *total is unchanged on error. */
enum money_err meter_total_add(const struct meter_def *def, struct meter_total *total, int64_t raw_record);

/* credits = ceil(billed_raw * credits_milli_per_unit / (raw_per_unit * 1000)): rounded UP. */
enum money_err meter_credits(const struct meter_def *def, int64_t billed_raw, int64_t *credits);

/*
 * "<number> <unit>" in display units with a fixed number of decimals, the fewest
 * that represent one increment exactly (0.01 GB -> 2: "1.20 GB"; 1 minute -> 0:
 * "2 minutes"; up to 6).  When the increment is not such a decimal (1 s shown in
 * minutes) 2 decimals are shown, and a value that is not exact is rounded UP.
 * Grouping and decimal point per LC_NUMERIC, as credits_format.  unit is shown
 * as given (the caller picks the plural; NULL or "" = number alone).  0 or -1.
 */
int meter_format_quantity(const struct meter_def *def, const char *unit, int64_t billed_raw, char *buf, size_t n);

/*
 * Translated rounding rule, unit in the singular:
 * "billed per token" (increment 1 and raw_per_unit 1), "rounded up to 1-minute
 * increments" (whole display units), "rounded up to 0.01 GB steps" (decimal
 * fractions), "rounded up to 1/60 minute steps" (other fractions).  0 or -1.
 */
int meter_describe_rounding(const struct meter_def *def, const char *unit, char *buf, size_t n);

#endif
