"""The text table ``DataFrame.show()`` prints, laid out exactly as Snowpark lays it out."""


def _quoted(name):
    return '"' + name.replace('"', '""') + '"'


def show_string(names, rows, max_width=50):
    header = [_quoted(name) for name in names]
    widths = [len(text) for text in header]
    body = []
    for row in rows:
        # A multi-line value spreads over several text lines of the same row.
        cells = [str(value).split("\n") if value is not None else ["NULL"] for value in row]
        for position, lines in enumerate(cells):
            for line in lines:
                widths[position] = min(max_width, max(widths[position], len(line)))
        line_count = max((len(lines) for lines in cells), default=1)
        for line_number in range(line_count):
            body.append([lines[line_number] if line_number < len(lines) else "" for lines in cells])
    if not rows:
        # Snowpark prints one blank row under the header of an empty result.
        body.append([""] * len(names))
    widths = [width + 2 for width in widths]
    border = "-" * (sum(widths) + len(widths) + 1) + "\n"

    def render(cells):
        tokens = []
        for text, width in zip(cells, widths):
            if len(text) > max_width:
                text = text[:max_width - 3] + "..."
            tokens.append(text.ljust(width))
        return "|" + "|".join(tokens) + "|\n"

    return border + render(header) + border + "".join(render(cells) for cells in body) + border
