using System.Globalization;
using Cro.BuildingBlocks.Exports;
using Cro.Training.Features.Sessions;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;

namespace Cro.Training.Features.Certificates;

/// <summary>The certificate as a one-page A4 PDF, drawn with PDFsharp in DejaVu Sans (see <see cref="PdfFonts"/>).</summary>
internal static class CertificatePdf
{
    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    public static byte[] Render(CertificateView certificate)
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

    private static void Draw(XGraphics graphics, CertificateView certificate, double width, double height)
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
        Centred($"reprezentujący(-a) {certificate.JstName} (kod TERYT {certificate.JstTerc})", body, 30);
        Paragraph($"ukończył(a) {Lowercase(certificate.Programme)} (program w wersji {certificate.ProgrammeVersion}), z obecnością co najmniej " +
            "wymaganej części godzin każdego modułu i efektami uczenia się potwierdzonymi post-testem, w zakresie modułów:", body, 15);
        y += 6;
        foreach (var module in certificate.Modules)
        {
            Paragraph($"{module.Code}. {module.Title} — {Hours(module.Hours)}", body, 15, margin + 15);
        }
        y += 4;
        Paragraph($"Łącznie: {Hours(certificate.TotalHours)}", body, 15);
        y += 20;
        Paragraph($"Data wydania: {WarsawTime.InWarsaw(certificate.IssuedAt).ToString("d MMMM yyyy", Polish)} r.", body, 15);
        Paragraph($"Wystawca: {certificate.Issuer}", body, 15);
        if (!certificate.Valid)
        {
            y += 10;
            Centred("ZAŚWIADCZENIE UNIEWAŻNIONE", name, 30);
        }
        y = height - 150;
        Paragraph($"Autentyczność zaświadczenia można sprawdzić pod adresem: {certificate.VerificationUrl}", small, 11);
        Paragraph("Zaświadczenie jest też wydawane jako poświadczenie cyfrowe Open Badges 3.0, podpisane kluczem platformy.", small, 11);
        Paragraph(CertificateText.Funding, small, 11);
    }

    private static string Hours(decimal hours) =>
        $"{hours.ToString("0.#", Polish)} godz.";

    private static string Lowercase(string text) => text.Length == 0 ? text : char.ToLower(text[0], Polish) + text[1..];
}
