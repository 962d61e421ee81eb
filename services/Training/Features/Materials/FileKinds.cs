using System.IO.Compression;
using System.Text;

namespace Cro.Training.Features.Materials;

/// <summary>
/// The kinds of file a material may be, recognised by their content, never by the name or the header the
/// browser sent: PDF by its signature; DOCX and PPTX as Office Open XML packages (a zip with the part that
/// makes it a document or a presentation); ODP as an OpenDocument package, whose first entry names its type.
/// </summary>
public sealed record FileKind(string Extension, string ContentType)
{
    public static readonly FileKind Pdf = new(".pdf", "application/pdf");
    public static readonly FileKind Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly FileKind Pptx = new(".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    public static readonly FileKind Odp = new(".odp", "application/vnd.oasis.opendocument.presentation");

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Docx, Pptx, Odp];

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>What the content is, or null when it is none of the accepted kinds.</summary>
    public static FileKind? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith(PdfSignature))
        {
            return Pdf;
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
            }
            if (zip.Entries.Count > 0 && zip.Entries[0] is { FullName: "mimetype", Length: < 100 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odp.ContentType ? Odp : null;
            }
        }
        catch (InvalidDataException)
        {
        }
        return null;
    }
}
