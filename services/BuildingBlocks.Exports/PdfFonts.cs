using PdfSharp.Fonts;

namespace Cro.BuildingBlocks.Exports;

/// <summary>
/// The fonts of the PDFs services make (training's certificates, monitoring's JST report): DejaVu Sans (regular and
/// bold), taken from Debian's fonts-dejavu-core (licence in Fonts/LICENSE) and carried inside this assembly. The Core
/// build of PDFsharp finds no fonts on Linux by itself, and the services' container images have none, so a font
/// resolver hands over these bytes whatever family the drawing code names; DejaVu Sans has every Polish letter (ą, ć, ę,
/// ł, ń, ó, ś, ź, ż), and PDFsharp embeds the glyphs used, so a PDF shows them the same on every reader.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly PdfFonts Instance = new();

    private PdfFonts()
    {
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Cro.BuildingBlocks.Exports.Fonts.{faceName}.ttf");
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
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }
}
