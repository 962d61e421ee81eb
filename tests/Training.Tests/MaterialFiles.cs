using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Cro.Training.Tests;

/// <summary>Small files of each kind, made here: what an operator uploads, and what should be refused.</summary>
public static class MaterialFiles
{
    public static byte[] Pdf(int size = 400)
    {
        var head = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray();
        var tail = "\n%%EOF\n"u8.ToArray();
        var body = Enumerable.Repeat((byte)'%', Math.Max(0, size - head.Length - tail.Length)).ToArray();
        return [.. head, .. body, .. tail];
    }

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Pptx() => Zip(("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<p:presentation/>"));

    public static byte[] Odp() => Zip(("mimetype", "application/vnd.oasis.opendocument.presentation"), ("content.xml", "<office:document-content/>"));

    /// <summary>A zip that is no office document at all.</summary>
    public static byte[] PlainZip() => Zip(("notes.txt", "zwykłe archiwum"));

    /// <summary>A Windows executable's first bytes.</summary>
    public static byte[] Executable() => [.. "MZ"u8.ToArray(), .. new byte[200]];

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                // ODF wants its mimetype entry stored, not compressed; the others do not mind.
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The upload form: the file (declared as <paramref name="declaredType"/>, which the service must not trust), title and visibility.</summary>
    public static MultipartFormDataContent Form(byte[] content, string fileName, string? title = null, bool? isPublic = null,
        string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }
        if (isPublic is not null)
        {
            form.Add(new StringContent(isPublic.Value ? "true" : "false"), "isPublic");
        }
        return form;
    }
}
