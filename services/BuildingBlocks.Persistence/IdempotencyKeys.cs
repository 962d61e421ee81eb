using System.Security.Cryptography;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// The <c>Idempotency-Key</c> header of a write (<see cref="WithIdempotencyKey"/>): a client that does not know whether
/// its request arrived (a timeout, a restart) sends it again with the same key and gets the first answer instead of a
/// second write. Keys belong to the calling client (the token's subject) and live 24 hours. The same key with another
/// method, path or body is a client's mistake (422); a repeat while the first request is still being answered is 409.
/// Only successful (2xx) answers are remembered: after a refusal or a failure the key is free again, so the client
/// can retry once it has put things right.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Makes the endpoint honour <see cref="Header"/> and documents the header and its 400, 409 and 422 answers.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint)
    {
        // The body is bound (read) before endpoint filters run; buffering it lets the filter hash what was sent.
        endpoint.Finally(builder =>
        {
            var inner = builder.RequestDelegate!;
            builder.RequestDelegate = context =>
            {
                if (context.Request.Headers.ContainsKey(Header))
                {
                    context.Request.EnableBuffering();
                }
                return inner(context);
            };
        });
        return endpoint
            .AddEndpointFilter(FilterAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Header,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Klucz idempotencji (1–200 znaków, ważny 24 h): powtórzenie z tym samym kluczem i tą samą treścią zwraca pierwszą " +
                        "odpowiedź; z inną treścią — 422; w trakcie pierwszego — 409. / Idempotency key (1–200 characters, kept 24 h): a repeat with the " +
                        "same key and body returns the first answer; with another body, 422; while the first is in progress, 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxLength },
                });
                return Task.CompletedTask;
            });
    }

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!context.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(invocation);
        }
        var key = values.ToString();
        if (values.Count != 1 || string.IsNullOrWhiteSpace(key) || key.Length > MaxLength)
        {
            return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
            {
                [Header] = [Text.Pick($"Nagłówek Idempotency-Key podaje się raz, ma od 1 do {MaxLength} znaków.",
                    $"Send the Idempotency-Key header once, with 1 to {MaxLength} characters.")],
            });
        }
        var client = context.User.FindFirst(CroClaims.Subject)?.Value ?? "";
        var hash = await RequestHashAsync(context.Request);
        var db = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var now = (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var ids = new { client, key };

        await using (var connection = await db.OpenConnectionAsync(context.RequestAborted))
        {
            // The claim commits at once (no transaction), so a concurrent repeat sees it and is told to wait (409).
            await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_at < @expired", new { expired = now - Lifetime });
            var claimed = await connection.ExecuteScalarAsync<bool?>("""
                INSERT INTO idempotency_keys (client_id, key, request_hash, created_at) VALUES (@client, @key, @hash, @now)
                ON CONFLICT (client_id, key) DO NOTHING
                RETURNING true
                """, new { client, key, hash, now }) == true;
            if (!claimed)
            {
                var first = await connection.QuerySingleAsync<(byte[] Hash, int? Status, string? ContentType, string? Location, byte[]? Body)>(
                    "SELECT request_hash, status_code, content_type, location, body FROM idempotency_keys WHERE client_id = @client AND key = @key", ids);
                if (!first.Hash.AsSpan().SequenceEqual(hash))
                {
                    return Problem(StatusCodes.Status422UnprocessableEntity, "Klucz idempotencji użyty z inną treścią.", "Idempotency key reused with another request.",
                        "Ten klucz Idempotency-Key użyto już w ciągu 24 godzin z inną metodą, adresem albo treścią żądania; użyj nowego klucza.",
                        "This Idempotency-Key was used within 24 hours with another method, path or body; use a new key.");
                }
                if (first.Status is not { } status)
                {
                    return Problem(StatusCodes.Status409Conflict, "Żądanie z tym kluczem jest w toku.", "A request with this key is in progress.",
                        "Pierwsze żądanie z tym kluczem Idempotency-Key jeszcze trwa; powtórz je za chwilę.",
                        "The first request with this Idempotency-Key is still being answered; repeat it in a moment.");
                }
                return new Replay(status, first.ContentType, first.Location, first.Body ?? []);
            }
        }

        try
        {
            var result = await next(invocation);
            if (result is not IResult answer)
            {
                await ReleaseAsync(db, ids);
                return result;
            }
            // Answer into a buffer, keep it if it is a success, then send it as it is.
            var sent = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await answer.ExecuteAsync(context);
            }
            finally
            {
                context.Response.Body = sent;
            }
            var response = context.Response;
            if (response.StatusCode is >= 200 and < 300)
            {
                await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
                await connection.ExecuteAsync("""
                    UPDATE idempotency_keys SET status_code = @status, content_type = @contentType, location = @location, body = @body
                    WHERE client_id = @client AND key = @key
                    """, new { client, key, status = response.StatusCode, contentType = response.ContentType,
                        location = response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, body = buffer.ToArray() });
            }
            else
            {
                await ReleaseAsync(db, ids);
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(sent, context.RequestAborted);
            return Results.Empty;
        }
        catch
        {
            await ReleaseAsync(db, ids);
            throw;
        }
    }

    /// <summary>SHA-256 of method, path with query, and body: what "the same request" means.</summary>
    private static async Task<byte[]> RequestHashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(chunk, 0, read);
            }
            // An endpoint that reads the body itself (an upload) reads it from the start.
            request.Body.Position = 0;
        }
        return sha.GetHashAndReset();
    }

    private static async Task ReleaseAsync(NpgsqlDataSource db, object ids)
    {
        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync("DELETE FROM idempotency_keys WHERE client_id = @client AND key = @key AND status_code IS NULL", ids);
    }

    private static IResult Problem(int status, string titlePl, string titleEn, string detailPl, string detailEn) =>
        Results.Problem(statusCode: status, title: Text.Pick(titlePl, titleEn), detail: Text.Pick(detailPl, detailEn));

    /// <summary>The first answer, sent again byte for byte.</summary>
    private sealed class Replay(int status, string? contentType, string? location, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            if (location is not null)
            {
                context.Response.Headers.Location = location;
            }
            context.Response.Headers["Idempotent-Replayed"] = "true";
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
