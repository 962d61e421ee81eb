using PdfSharp.Fonts;

namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>
/// DejaVu Sans (regular and bold) for the JST report PDF: the same files training's certificates carry (linked from
/// services/Training, licence beside them), embedded here because PDFsharp's Core build finds no fonts on Linux.
/// </summary>
internal sealed class JstPictureFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly JstPictureFonts Instance = new();

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : "DejaVuSans", mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(JstPictureFonts).Assembly.GetManifestResourceStream($"Cro.Monitoring.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Installs the resolver once per process (PDFsharp's setting is global).</summary>
    public static void Install()
    {
        lock (Instance)
        {
            GlobalFontSettings.FontResolver ??= Instance;
        }
    }
}
