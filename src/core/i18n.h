/* i18n.h: gettext shorthands; every user-facing string goes through _(). */
#ifndef BILLTOP_I18N_H
#define BILLTOP_I18N_H

#include <config.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext((s), (p), (n))
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
/* Marks a string for extraction where it must stay untranslated in place. */
#define N_(s) (s)

#endif
