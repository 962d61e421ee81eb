using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Cro.BuildingBlocks.Exports;

/// <summary>
/// A plain printable A4 report: a title, lines under it, paragraphs of text (wrapped), and tables whose columns share the
/// page's width, continued on new pages as they grow. For reports that are mostly figures in tables (ORE's reports for the
/// ministry); a report with its own drawings (the JST picture) draws itself.
/// </summary>
public static class PdfReport
{
    private const double Margin = 50;

    public static byte[] Render(string title, IReadOnlyList<string> lines, IReadOnlyList<(string Heading, string Text)> sections, IReadOnlyList<ReportTable> tables)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var writer = new Writer(document);
        writer.Text(title, writer.Title, 26);
        foreach (var line in lines)
        {
            writer.Text(line, writer.Body, 14);
        }
        foreach (var (heading, text) in sections)
        {
            writer.Space(10);
            writer.Text(heading, writer.Heading, 16);
            writer.Paragraph(text);
        }
        foreach (var table in tables)
        {
            writer.Space(10);
            writer.Text(table.Name, writer.Heading, 16);
            writer.Table(table);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private sealed class Writer(PdfDocument document)
    {
        public readonly XFont Title = new(PdfFonts.Family, 16, XFontStyleEx.Bold);
        public readonly XFont Heading = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        public readonly XFont Body = new(PdfFonts.Family, 9);
        private XGraphics? _graphics;
        private double _y;
        private double _width;
        private double _bottom;

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                {
                    NewPage();
                }
                return _graphics!;
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            (_y, _width, _bottom) = (Margin, page.Width.Point - 2 * Margin, page.Height.Point - Margin);
        }

        private void Room(double height)
        {
            if (_graphics is null || _y + height > _bottom)
            {
                NewPage();
            }
        }

        public void Space(double height) => _y += height;

        public void Text(string text, XFont font, double height)
        {
            Room(height);
            Graphics.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, _width, height), XStringFormats.TopLeft);
            _y += height;
        }

        /// <summary>Text wrapped to the page's width, a line of words at a time, so a long text runs on to the next page.</summary>
        public void Paragraph(string text)
        {
            foreach (var line in Wrap(text, _width))
            {
                Text(line, Body, 13);
            }
        }

        public void Table(ReportTable table)
        {
            var column = _width / Math.Max(1, table.Headers.Count);
            Row(table.Headers, column, Heading);
            foreach (var row in table.Rows)
            {
                Row([.. row.Select(cell => cell ?? "")], column, Body);
            }
        }

        private void Row(IReadOnlyList<string> cells, double column, XFont font)
        {
            var wrapped = cells.Select(cell => Wrap(cell, column - 4, font)).ToList();
            var height = Math.Max(1, wrapped.Max(w => w.Count)) * 12 + 3;
            Room(height);
            var formatter = new XTextFormatter(Graphics);
            for (var i = 0; i < cells.Count; i++)
            {
                formatter.DrawString(string.Join("\n", wrapped[i]), font, XBrushes.Black, new XRect(Margin + i * column, _y, column - 4, height), XStringFormats.TopLeft);
            }
            _y += height;
            Graphics.DrawLine(XPens.LightGray, Margin, _y - 1, Margin + _width, _y - 1);
        }

        private List<string> Wrap(string text, double width, XFont? font = null)
        {
            font ??= Body;
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (line.Length > 0 && Graphics.MeasureString(candidate, font).Width > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }
                lines.Add(line);
            }
            return lines;
        }
    }
}
