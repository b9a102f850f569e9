## tests/tui: the dashboard driven in tmux, screens compared to golden text.
