using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Cro.BuildingBlocks.Exports;

/// <summary>
/// What a certificate (zaświadczenie) says, whichever service issues it (training's completion, a conference's
/// attendance): its number, the holder, what is certified, the issuer and date, and where anyone verifies the number.
/// </summary>
/// <param name="Valid">False for a revoked certificate: the printout says so across it.</param>
public sealed record CertificateContent(string Number, string HolderName, string Issuer, DateTimeOffset IssuedAt, Uri VerificationUrl, bool Valid = true)
{
    /// <summary>Centred lines under the holder's name (whom they represent).</summary>
    public IReadOnlyList<string> HolderLines { get; init; } = [];

    /// <summary>What is certified, paragraph by paragraph.</summary>
    public IReadOnlyList<CertificateParagraph> Body { get; init; } = [];

    /// <summary>Small print at the foot, after the verification address (other forms of the certificate, the funding).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <param name="Indented">An item of a list (a module, a day).</param>
/// <param name="SpaceBefore">Points of space above it.</param>
public sealed record CertificateParagraph(string Text, bool Indented = false, double SpaceBefore = 0);

/// <summary>A certificate as a one-page A4 PDF, drawn with PDFsharp in DejaVu Sans (see <see cref="PdfFonts"/>), the same layout for every kind.</summary>
public static class CertificatePrintout
{
    /// <summary>The funding line every certificate of the programme carries.</summary>
    public const string Funding = "Projekt współfinansowany ze środków Unii Europejskiej w ramach programu Fundusze Europejskie dla Rozwoju Społecznego " +
        "2021–2027 (FERS), Działanie 01.04.";

    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static byte[] Render(CertificateContent certificate)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Zaświadczenie {certificate.Number}";
        document.Info.Author = certificate.Issuer;
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Draw(graphics, certificate, page.Width.Point, page.Height.Point);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void Draw(XGraphics graphics, CertificateContent certificate, double width, double height)
    {
        const double margin = 60;
        var text = new XTextFormatter(graphics);
        var title = new XFont(PdfFonts.Family, 28, XFontStyleEx.Bold);
        var name = new XFont(PdfFonts.Family, 20, XFontStyleEx.Bold);
        var body = new XFont(PdfFonts.Family, 11);
        var small = new XFont(PdfFonts.Family, 8.5);
        var column = width - 2 * margin;
        var y = 90.0;

        void Centred(string line, XFont font, double lineHeight)
        {
            graphics.DrawString(line, font, XBrushes.Black, new XRect(margin, y, column, lineHeight), XStringFormats.TopCenter);
            y += lineHeight;
        }

        void Paragraph(string paragraph, XFont font, double lineHeight, double left = margin)
        {
            // XTextFormatter wraps but does not measure: the height is estimated from the characters per line.
            var perLine = Math.Max(1, (int)((width - margin - left) / (font.Size * 0.6)));
            var lines = Math.Max(1, (int)Math.Ceiling(paragraph.Length / (double)perLine));
            text.DrawString(paragraph, font, XBrushes.Black, new XRect(left, y, width - margin - left, lines * lineHeight + 2));
            y += lines * lineHeight + 4;
        }

        graphics.DrawRectangle(new XPen(XColors.DarkSlateBlue, 2), 30, 30, width - 60, height - 60);
        Centred("ZAŚWIADCZENIE", title, 40);
        Centred($"nr {certificate.Number}", body, 30);
        Centred("Zaświadcza się, że", body, 24);
        Centred(certificate.HolderName, name, 30);
        foreach (var line in certificate.HolderLines)
        {
            Centred(line, body, 30);
        }
        foreach (var paragraph in certificate.Body)
        {
            y += paragraph.SpaceBefore;
            Paragraph(paragraph.Text, body, 15, paragraph.Indented ? margin + 15 : margin);
        }
        y += 20;
        Paragraph($"Data wydania: {WarsawDate(certificate.IssuedAt)} r.", body, 15);
        Paragraph($"Wystawca: {certificate.Issuer}", body, 15);
        if (!certificate.Valid)
        {
            y += 10;
            Centred("ZAŚWIADCZENIE UNIEWAŻNIONE", name, 30);
        }
        y = height - 150;
        Paragraph($"Autentyczność zaświadczenia można sprawdzić pod adresem: {certificate.VerificationUrl}", small, 11);
        foreach (var note in certificate.Notes)
        {
            Paragraph(note, small, 11);
        }
    }

    private static string WarsawDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Cro.ServiceDefaults.WarsawTime.Zone).ToString("d MMMM yyyy", Polish);
}
