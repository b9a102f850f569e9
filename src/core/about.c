/* about.c: --version and "Report bugs to" (see about.h). */
#include <config.h>

#include "core/about.h"
#include "core/i18n.h"

void
about_version(FILE *out, const char *program)
{
	fprintf(out, "%s %s\n", program, VERSION);
	fputs(_("Copyright (C) 2026 the billtop authors.\n"
	        "License MIT: <https://opensource.org/licenses/MIT>.\n"
	        "This is free software: you are free to change and redistribute it.\n"
	        "There is NO WARRANTY, to the extent permitted by law.\n"), out);
}

void
about_bugs(FILE *out)
{
	fprintf(out, _("Report bugs to: <%s>\n"), PACKAGE_BUGREPORT);
}
