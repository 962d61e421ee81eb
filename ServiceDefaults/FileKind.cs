using System.IO.Compression;
using System.Text;

namespace Cro.ServiceDefaults;

/// <summary>
/// The kinds of file people upload (training materials, scanned attendance lists, photos), recognised by their
/// content, never by the name or the header the browser sent: PDF, JPEG and PNG by their signatures; DOCX, XLSX and PPTX as
/// Office Open XML packages (a zip with the part that makes it a document, a workbook or a presentation); ODT, ODS and ODP
/// as OpenDocument packages, whose first entry names their type. Each use accepts its own list of kinds.
/// </summary>
public sealed record FileKind(string Extension, string ContentType)
{
    public static readonly FileKind Pdf = new(".pdf", "application/pdf");
    public static readonly FileKind Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly FileKind Pptx = new(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    public static readonly FileKind Odp = new(".odp", "application/vnd.oasis.opendocument.presentation");
    public static readonly FileKind Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly FileKind Odt = new(".odt", "application/vnd.oasis.opendocument.text");
    public static readonly FileKind Ods = new(".ods", "application/vnd.oasis.opendocument.spreadsheet");

    public static readonly FileKind Jpeg = new(".jpg", "image/jpeg");
    public static readonly FileKind Png = new(".png", "image/png");

    /// <summary>Documents: what a training material may be.</summary>
    public static readonly IReadOnlyList<FileKind> Documents = [Pdf, Docx, Pptx, Odp];

    /// <summary>A scan or a photo of a paper: PDF or an image.</summary>
    public static readonly IReadOnlyList<FileKind> Scans = [Pdf, Jpeg, Png];

    /// <summary>Model documents another JST reuses (a good practice's attachments): texts, spreadsheets and presentations.</summary>
    public static readonly IReadOnlyList<FileKind> ModelDocuments = [Pdf, Docx, Odt, Xlsx, Ods, Pptx, Odp];

    /// <summary>Photos: JPEG or PNG.</summary>
    public static readonly IReadOnlyList<FileKind> Photos = [Jpeg, Png];

    private static readonly IReadOnlyList<FileKind> OpenDocuments = [Odt, Ods, Odp];

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>What the content is, when it is one of <paramref name="accepted"/>; null otherwise.</summary>
    public static FileKind? Detect(byte[] content, IReadOnlyList<FileKind> accepted) => Detect(content) is { } kind && accepted.Contains(kind) ? kind : null;

    /// <summary>The kind as people name it: PDF, DOCX, JPEG, PNG.</summary>
    public string Label => this == Jpeg ? "JPEG" : Extension.TrimStart('.').ToUpperInvariant();

    /// <summary>Whether <paramref name="fileName"/>'s extension names this kind (.jpeg as well as .jpg).</summary>
    public bool Names(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is var extension
        && (extension == Extension || (this == Jpeg && extension == ".jpeg"));

    private static FileKind? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith(PdfSignature))
        {
            return Pdf;
        }
        if (content.AsSpan().StartsWith(JpegSignature))
        {
            return Jpeg;
        }
        if (content.AsSpan().StartsWith(PngSignature))
        {
            return Png;
        }
        if (!content.AsSpan().StartsWith(ZipSignature))
        {
            return null;
        }
        try
        {
            // Only the directory and, for ODP, one tiny entry are read: a zip bomb is never inflated.
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is not null)
            {
                if (zip.GetEntry("word/document.xml") is not null)
                {
                    return Docx;
                }
                if (zip.GetEntry("ppt/presentation.xml") is not null)
                {
                    return Pptx;
                }
                if (zip.GetEntry("xl/workbook.xml") is not null)
                {
                    return Xlsx;
                }
            }
            if (zip.Entries.Count > 0 && zip.Entries[0] is { FullName: "mimetype", Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd().Trim();
                return OpenDocuments.FirstOrDefault(kind => kind.ContentType == type);
            }
        }
        catch (InvalidDataException)
        {
        }
        return null;
    }
}
