using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Cro.ServiceDefaults;

/// <summary>
/// A file an operator sends as multipart/form-data in the field "file" (training's materials, a round's rules):
/// read whole within a size limit, with the form's other fields. Every refusal is a ProblemDetails that says what
/// to send instead: 415 for what is not a form, 413 for what is too large, 400 for a missing or empty file.
/// What the file is, is for the caller to check from its content.
/// </summary>
public sealed record FileUpload(string FileName, byte[] Content, IFormCollection Form)
{
    /// <summary>What the multipart envelope and the form's other fields may add to the file's size.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>The endpoint's metadata letting the server take a body this large (its default may be lower).</summary>
    public static RequestSizeLimitAttribute SizeLimit(long maxFileBytes) => new(maxFileBytes + FormOverhead);

    /// <param name="whatPl">What the file should be, for the message about a missing one ("niepusty plik PDF").</param>
    public static async Task<(FileUpload? Upload, IResult? Refusal)> ReadAsync(HttpRequest request, long maxBytes,
        string whatPl, string whatEn, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, Unsupported(Text.Pick("Wyślij plik jako multipart/form-data, w polu „file”.", "Send the file as multipart/form-data, in the 'file' field.")));
        }
        if (request.ContentLength > maxBytes + FormOverhead)
        {
            return (null, TooLarge(maxBytes));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return (null, TooLarge(maxBytes));
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return (null, ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["file"] = [Text.Pick($"Dołącz {whatPl} w polu „file”.", $"Attach {whatEn} in the 'file' field.")],
            }));
        }
        if (file.Length > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        return (new FileUpload(file.FileName, content, form), null);
    }

    /// <summary>The name without any path a browser may send, control characters or quotes; at most 200 characters.</summary>
    public string SafeName(string fallback)
    {
        var bare = new string([.. Path.GetFileName(FileName.Replace('\\', '/')).Where(c => !char.IsControl(c) && c != '"')]).Trim();
        if (bare.Length > 200)
        {
            bare = Path.GetFileNameWithoutExtension(bare)[..(200 - Path.GetExtension(bare).Length)] + Path.GetExtension(bare);
        }
        return bare.Length == 0 ? fallback : bare;
    }

    /// <summary>
    /// What the file is by its content, when it is one of <paramref name="accepted"/> and its name (<paramref name="fileName"/>,
    /// as stored) says the same; otherwise the 415 that names the kinds accepted, or the extension to correct.
    /// </summary>
    public (FileKind? Kind, IResult? Refusal) Recognise(string fileName, IReadOnlyList<FileKind> accepted)
    {
        if (FileKind.Detect(Content, accepted) is not { } kind)
        {
            var labels = accepted.Select(k => k.Label).ToList();
            return (null, Unsupported(labels.Count == 1
                ? Text.Pick($"Przyjmujemy tylko pliki {labels[0]}; zawartość tego pliku nie jest plikiem {labels[0]}.",
                    $"Only {labels[0]} files are accepted; the content of this file is not {labels[0]}.")
                : Text.Pick($"Przyjmujemy pliki {string.Join(", ", labels[..^1])} i {labels[^1]}; zawartość tego pliku nie jest żadnym z nich.",
                    $"{string.Join(", ", labels[..^1])} and {labels[^1]} files are accepted; the content of this file is none of them.")));
        }
        return kind.Names(fileName) ? (kind, null) : (null, Unsupported(Text.Pick(
            $"Zawartość pliku to {kind.Label}, a nazwa mówi co innego; popraw rozszerzenie nazwy na {kind.Extension}.",
            $"The file's content is {kind.Label}, but its name says otherwise; correct the name's extension to {kind.Extension}.")));
    }

    public static IResult TooLarge(long max) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: Text.Pick("Plik za duży.", "File too large."),
        detail: Text.Pick($"Plik może mieć do {max / 1024.0 / 1024.0:0.#} MB.", $"A file may have up to {max / 1024.0 / 1024.0:0.#} MB."));

    public static IResult Unsupported(string detail) => Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: Text.Pick("Nieobsługiwany rodzaj pliku.", "Unsupported kind of file."), detail: detail);
}

public static class FileUploadEndpoints
{
    /// <summary>
    /// The endpoint takes an upload of up to <paramref name="maxFileBytes"/>: a multipart/form-data body that the server
    /// lets in whole (anything else <see cref="FileUpload.ReadAsync"/> answers with 415, saying what to send), described in the OpenAPI document as the form it is (the file in "file", <paramref name="textFields"/>
    /// beside it), with the 400, 413 and 415 answers <see cref="FileUpload.ReadAsync"/> gives.
    /// </summary>
    public static RouteHandlerBuilder AcceptsFileUpload(this RouteHandlerBuilder endpoint, long maxFileBytes, params string[] textFields) => endpoint
        .WithMetadata(FileUpload.SizeLimit(maxFileBytes))
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                Required = new HashSet<string> { "file" },
            };
            foreach (var field in textFields)
            {
                form.Properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
            }
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } },
            };
            return Task.CompletedTask;
        });
}
