## data: demo seed, man pages, sample config.
# billtop(1) and billtopd(1), installed by make install; --help agrees with them
# (tests/integration/install_man.sh).
dist_man_MANS += data/billtop.1 data/billtopd.1
# Shell completions (issue 16.6): bash-completion loads completions/billtop on
# demand; Debian's zsh reads vendor-completions.
bashcompdir = $(datadir)/bash-completion/completions
dist_bashcomp_DATA = data/completion/billtop
zshcompdir = $(datadir)/zsh/vendor-completions
dist_zshcomp_DATA = data/completion/_billtop
# The README, the API and the sample configuration, under docdir.
dist_doc_DATA = README docs/api.md docs/sources.md docs/figures.md docs/print-json.md docs/security.md data/config.sample
