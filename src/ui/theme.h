/* theme.h: semantic styles; theme.c maps them to colours, or to plain
 * attributes (bold, reverse, underline) when the terminal is monochrome or
 * NO_COLOR is set, so meaning never depends on colour alone. */
#ifndef BILLTOP_THEME_H
#define BILLTOP_THEME_H

enum style {
	ST_NORMAL = 0,
	ST_DIM,           /* secondary text, axis labels */
	ST_BOLD,          /* headings, figures that matter */
	ST_TITLE,         /* the top line */
	ST_TAB,           /* an inactive tab */
	ST_TAB_ACTIVE,    /* the current tab */
	ST_SELECTED,      /* the selected row */
	ST_OK,            /* paid, active, succeeded */
	ST_WARN,          /* trial, expiring soon, stale data */
	ST_ALERT,         /* past due, failed, exhausted, urgent */
	ST_BANNER_INFO,
	ST_BANNER_WARN,
	ST_BANNER_ALERT,
	ST_LINK,          /* URLs */
	ST_STATUS,        /* the status line */
	ST_DIALOG,        /* dialog body */
	ST_SERIES_0,      /* chart series; monochrome: distinct fill patterns */
	ST_SERIES_1,
	ST_SERIES_2,
	ST_SERIES_3,
	ST_SERIES_4,
	ST_SERIES_5,
	ST_COUNT
};
#define ST_SERIES_COUNT 6

#endif
