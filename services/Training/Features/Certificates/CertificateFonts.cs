using PdfSharp.Fonts;

namespace Cro.Training.Features.Certificates;

/// <summary>
/// The fonts of the certificate PDF: DejaVu Sans (regular and bold), taken from Debian's fonts-dejavu-core
/// (licence in Fonts/LICENSE) and carried inside the assembly. The Core build of PDFsharp finds no fonts on
/// Linux by itself, and the service's container image has none, so a font resolver hands over these bytes
/// whatever family the drawing code names; DejaVu Sans has every Polish letter (ą, ć, ę, ł, ń, ó, ś, ź, ż),
/// and PDFsharp embeds the glyphs used, so the PDF shows them the same on every reader.
/// </summary>
internal sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    public static readonly CertificateFonts Instance = new();

    private CertificateFonts()
    {
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Cro.Training.Features.Certificates.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global and may be set only before the first font is used).</summary>
    public static void Install()
    {
        lock (Instance)
        {
            if (GlobalFontSettings.FontResolver is not CertificateFonts)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }
}
