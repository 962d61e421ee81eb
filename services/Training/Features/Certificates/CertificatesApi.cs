using System.Text.Json.Nodes;
using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;
using Npgsql;

namespace Cro.Training.Features.Certificates;

/// <summary>
/// Certificates (zaświadczenia), issued when a participant completes the training. For the holder, the
/// trainers of their cohort and operators: GET /api/training/certificates/{id} (what the printout says),
/// …/pdf (the printout), …/credential (the Open Badges 3.0 credential, signed). For the holder:
/// GET /api/training/me/certificates, and PUT /api/training/certificates/{id}/consent, whether the public
/// verification shows their name. For everyone: GET /api/training/public/certificates?number=… (verification)
/// and GET /api/training/.well-known/jwks.json (the keys that verify the credentials).
/// </summary>
public static class CertificatesApi
{
    [OpenApiSchemaName("CertificateConsentRequest")]
    public sealed record ConsentRequest(bool ShowName);

    [OpenApiSchemaName("CertificateVerification")]
    public sealed record Verification(string Number, bool Valid, DateOnly IssuedOn, string Programme, int ProgrammeVersion, string Issuer,
        string? HolderName, DateOnly? RevokedOn);

    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Zaświadczenia / Certificates");
        api.MapGet("/me/certificates", MineAsync)
            .WithName("MyCertificates").WithSummary("Moje zaświadczenia / My certificates")
            .Produces<IReadOnlyList<CertificateView>>().RequireAuthorization(Policies.Person);
        api.MapGet("/certificates/{id:guid}", GetAsync)
            .WithName("GetCertificate").WithSummary("Zaświadczenie / A certificate")
            .Produces<CertificateView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Person);
        api.MapGet("/certificates/{id:guid}/pdf", PdfAsync)
            .WithName("CertificatePdf").WithSummary("Zaświadczenie (PDF) / A certificate (PDF)")
            .ProducesFile("application/pdf").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Person);
        api.MapGet("/certificates/{id:guid}/credential", CredentialAsync)
            .WithName("CertificateCredential").WithSummary("Zaświadczenie jako Open Badge 3.0 / A certificate as an Open Badge 3.0")
            .Produces<OpenBadge.Issued>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Person);
        api.MapPut("/certificates/{id:guid}/consent", ConsentAsync)
            .WithName("CertificateConsent").WithSummary("Czy weryfikacja pokazuje moje imię i nazwisko / Whether verification shows my name")
            .Produces<CertificateView>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.Person);
        api.MapGet("/public/certificates", VerifyAsync)
            .WithName("VerifyCertificate").WithSummary("Weryfikacja zaświadczenia po numerze / Verify a certificate by its number")
            .Produces<Verification>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).AllowAnonymous();
        api.MapGet("/.well-known/jwks.json", JwksAsync)
            .WithName("CredentialKeys").WithSummary("Klucze weryfikujące poświadczenia (JWKS) / Keys that verify the credentials (JWKS)")
            .WithDescription("Zbiór kluczy JWK (RFC 7517). / A JWK set (RFC 7517).")
            .Produces<JsonObject>().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> MineAsync(HttpContext context, [RepeatableRead] DataSession session, IConfiguration configuration)
    {
        var mine = await ParticipantRow.MineAsync(session, Caller.From(context.User));
        var rows = await session.QueryAsync<CertificateRow>(CertificateRow.Select + " WHERE c.participant_id = ANY (@ids) ORDER BY c.issued_at DESC",
            new { ids = mine.Select(p => p.Id).ToArray() });
        var views = new List<CertificateView>();
        foreach (var row in rows)
        {
            views.Add(await Certificates.ViewAsync(session, row, PublicAddress.Of(configuration, context.Request)));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, IConfiguration configuration)
    {
        var certificate = await Certificates.OpenAsync(session, context.User, id);
        return certificate is null
            ? Certificates.NotFound()
            : TypedResults.Ok(await Certificates.ViewAsync(session, certificate, PublicAddress.Of(configuration, context.Request)));
    }

    private static Task<IResult> PdfAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, IConfiguration configuration) =>
        WithValidCertificateAsync(id, context, session, async certificate =>
        {
            var view = await Certificates.ViewAsync(session, certificate, PublicAddress.Of(configuration, context.Request));
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-cache";
            return Results.File(CertificatePdf.Render(view), "application/pdf", $"zaswiadczenie-{certificate.Number.Replace('/', '-')}.pdf");
        });

    private static Task<IResult> CredentialAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session, IConfiguration configuration,
        CredentialKeys keys) =>
        WithValidCertificateAsync(id, context, session, async certificate =>
        {
            var publicAddress = PublicAddress.Of(configuration, context.Request);
            var view = await Certificates.ViewAsync(session, certificate, publicAddress);
            return TypedResults.Ok(await OpenBadge.IssueAsync(view, certificate.HolderEmail, publicAddress, keys, session.Cancellation));
        });

    /// <summary>Runs <paramref name="handle"/> with a certificate the caller may see and that still stands; else 404, or 409 once revoked.</summary>
    private static async Task<IResult> WithValidCertificateAsync(Guid id, HttpContext context, DataSession session, Func<CertificateRow, Task<IResult>> handle)
    {
        if (await Certificates.OpenAsync(session, context.User, id) is not { } certificate)
        {
            return Certificates.NotFound();
        }
        if (certificate.RevokedAt is not null)
        {
            return Certificates.Revoked();
        }
        return await handle(certificate);
    }

    private static async Task<IResult> ConsentAsync(Guid id, ConsentRequest request, HttpContext context, DataSession session, IConfiguration configuration)
    {
        if (await Certificates.OpenAsync(session, context.User, id, holderOnly: true) is not { } certificate)
        {
            return Certificates.NotFound();
        }
        await session.ExecuteAsync("UPDATE certificates SET show_name = @ShowName WHERE id = @id", new { id, request.ShowName });
        var view = await Certificates.ViewAsync(session, certificate with { ShowName = request.ShowName }, PublicAddress.Of(configuration, context.Request));
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> VerifyAsync(NpgsqlDataSource db, CancellationToken ct, string? number = null)
    {
        var normalised = number?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised) || normalised.Length > 40)
        {
            return Problems.Field("number", "Podaj numer zaświadczenia, np. CRO/2026/000123.", "Give the certificate's number, e.g. CRO/2026/000123.");
        }
        // Anyone may verify any number, so the lookup spans every JST; what is shown is only what the holder agreed to.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct, System.Data.IsolationLevel.RepeatableRead);
        if (await session.QuerySingleOrDefaultAsync<CertificateRow>(CertificateRow.Select + " WHERE c.number = @normalised", new { normalised }) is not { } certificate)
        {
            return ProblemDetailsDefaults.NotFound("Nie wydaliśmy zaświadczenia o tym numerze.", "No certificate with this number was issued.");
        }
        return TypedResults.Ok(new Verification(certificate.Number, certificate.RevokedAt is null, DateOnly.FromDateTime(
                WarsawTime.InWarsaw(certificate.IssuedAt).DateTime), CertificateText.Programme, certificate.ProgrammeVersion, CertificateText.Issuer,
            certificate.ShowName ? certificate.HolderName : null,
            certificate.RevokedAt is { } revoked ? DateOnly.FromDateTime(WarsawTime.InWarsaw(revoked).DateTime) : null));
    }

    private static async Task<IResult> JwksAsync(HttpContext context, CredentialKeys keys, CancellationToken ct)
    {
        var published = await keys.PublicKeysAsync(ct);
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(new
        {
            keys = published.Select(k => new { kty = k.Kty, use = k.Use, alg = k.Alg, kid = k.Kid, n = k.N, e = k.E }),
        });
    }
}
