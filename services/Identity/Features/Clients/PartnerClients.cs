using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Contracts;
using Cro.Identity.Features.Audit;
using Cro.Identity.Features.Users;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cro.Identity.Features.Clients;

/// <summary>
/// Partner API clients (client credentials): administrators create them with scopes and, optionally, a set of JST the
/// client is limited to (the partner's members), list them, change them, rotate a secret and remove them. A secret is
/// shown once, at creation or rotation, and stored hashed. The JST limit lives in the OpenIddict application's properties
/// and reaches the client's tokens as client_jst claims; every change is announced (ApiClientChanged) through the outbox,
/// in the transaction that makes it, for services that act for the client outside a request (webhooks).
/// </summary>
public static partial class PartnerClients
{
    /// <summary>The application property that holds the JST limit: a JSON array of TERC codes; absent when not limited.</summary>
    public const string JstLimitProperty = "cro_jst";

    /// <summary>
    /// Room for the largest association of local governments (several hundred members), kept well below every JST of the
    /// country: the limit travels in the access token as one claim per JST, and a token must stay within the 32 KB of
    /// request headers a service accepts (1,000 claims are about 15 KB).
    /// </summary>
    public const int MaxJst = 1000;

    /// <summary>What an administrator sets on a client, on creation and on change.</summary>
    public interface IClientSettings
    {
        string DisplayName { get; }
        IReadOnlyList<string> Scopes { get; }
        IReadOnlyList<string>? JstTercs { get; }
    }

    /// <param name="JstTercs">TERC codes of the JST the client may act for (its partner's members); none or empty: not limited.</param>
    [OpenApiSchemaName("CreatePartnerClientRequest")]
    public sealed record CreateRequest(string DisplayName, IReadOnlyList<string> Scopes, IReadOnlyList<string>? JstTercs = null) : IClientSettings;

    /// <summary>The client's name, scopes and JST limit as they are to be from now on (tokens issued before keep theirs until they expire).</summary>
    /// <param name="JstTercs">TERC codes of the JST the client may act for; none or empty: not limited.</param>
    [OpenApiSchemaName("UpdatePartnerClientRequest")]
    public sealed record UpdateRequest(string DisplayName, IReadOnlyList<string> Scopes, IReadOnlyList<string>? JstTercs = null) : IClientSettings;

    [OpenApiSchemaName("PartnerClientCredentials")]
    public sealed record Credentials(string ClientId, string ClientSecret);

    /// <param name="JstTercs">The JST the client is limited to; empty when it is not limited.</param>
    [OpenApiSchemaName("PartnerClient")]
    public sealed record ClientResponse(string ClientId, string DisplayName, IReadOnlyList<string> Scopes, IReadOnlyList<string> JstTercs);

    public sealed class CreateValidator : SettingsValidator<CreateRequest>;

    public sealed class UpdateValidator : SettingsValidator<UpdateRequest>;

    public abstract class SettingsValidator<T> : AbstractValidator<T> where T : IClientSettings
    {
        protected SettingsValidator()
        {
            RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200)
                .WithMessage(_ => Text.Pick("Podaj nazwę klienta (do 200 znaków).", "Give the client a name (up to 200 characters)."));
            RuleFor(r => r.Scopes).NotEmpty()
                .WithMessage(_ => Text.Pick("Wybierz co najmniej jeden zakres.", "Choose at least one scope."));
            RuleForEach(r => r.Scopes).Must(s => ServiceDefaults.Security.Scopes.Partner.Contains(s))
                .WithMessage((_, scope) => Text.Pick($"Nieznany zakres „{scope}”. Dozwolone: {string.Join(", ", ServiceDefaults.Security.Scopes.Partner)}.",
                    $"Unknown scope '{scope}'. Allowed: {string.Join(", ", ServiceDefaults.Security.Scopes.Partner)}."));
            RuleFor(r => r.JstTercs).Must(tercs => tercs is null || tercs.Count <= MaxJst)
                .WithMessage(_ => Text.Pick($"Klienta można ograniczyć do najwyżej {MaxJst} JST.", $"A client may be limited to at most {MaxJst} JST."));
            RuleForEach(r => r.JstTercs).Must(terc => terc is not null && Terc().IsMatch(terc.Trim()))
                .WithMessage((_, terc) => Text.Pick($"„{terc}” nie jest kodem TERC JST (2, 4 lub 7 cyfr).",
                    $"'{terc}' is not a JST's TERC code (2, 4 or 7 digits)."));
        }
    }

    public static RouteGroupBuilder MapPartnerClients(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Klienci API / API clients").RequireAuthorization(Policies.Admin);
        clients.MapPost("/", CreateAsync).WithName("CreatePartnerClient").Validate<CreateRequest>()
            .WithSummary("Utwórz klienta API partnera / Create a partner API client")
            .Produces<Credentials>(StatusCodes.Status201Created);
        clients.MapGet("/", ListAsync).WithName("ListPartnerClients")
            .Produces<IReadOnlyList<ClientResponse>>();
        clients.MapPut("/{clientId}", UpdateAsync).WithName("UpdatePartnerClient").Validate<UpdateRequest>()
            .WithSummary("Zmień nazwę, zakresy i JST klienta / Change a client's name, scopes and JST")
            .WithDescription("Tokeny wydane wcześniej zachowują dawne zakresy i JST, dopóki nie wygasną. / " +
                "Tokens issued before keep the former scopes and JST until they expire.")
            .Produces<ClientResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/{clientId}/secret", RotateSecretAsync).WithName("RotatePartnerClientSecret")
            .WithSummary("Nowy sekret (poprzedni przestaje działać) / New secret (the old one stops working)")
            .Produces<Credentials>().ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapDelete("/{clientId}", DeleteAsync).WithName("DeletePartnerClient")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateRequest request, IOpenIddictApplicationManager applications, IdentityDb db, AuditLog audit,
        TimeProvider time, CancellationToken ct)
    {
        var clientId = "partner-" + RandomNumberGenerator.GetHexString(12, lowercase: true);
        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = request.DisplayName.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        var settings = Apply(descriptor, request);
        // OpenIddict's store works on the same DbContext, so the application, the audit entry and the event commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await applications.CreateAsync(descriptor, ct);
        await audit.AppendAsync(AuditActions.ClientCreated, subject: clientId,
            detail: new { displayName = descriptor.DisplayName, settings.Scopes, settings.JstTercs }, transaction: transaction.Npgsql(), ct: ct);
        await transaction.EnqueueAsync(Changed(settings, removed: false, time), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/identity/clients/{clientId}", new Credentials(clientId, secret));
    }

    private static async Task<IResult> UpdateAsync(string clientId, UpdateRequest request, IOpenIddictApplicationManager applications, IdentityDb db,
        AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await FindPartnerAsync(applications, clientId, ct) is not { } application)
        {
            return NotFound(clientId);
        }
        var before = await DescribeAsync(applications, application, ct);
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.Permissions.RemoveWhere(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal));
        var settings = Apply(descriptor, request);
        await applications.UpdateAsync(application, descriptor, ct);
        await audit.AppendAsync(AuditActions.ClientUpdated, subject: clientId, detail: new
        {
            before = new { before.DisplayName, before.Scopes, before.JstTercs },
            after = new { settings.DisplayName, settings.Scopes, settings.JstTercs },
        }, transaction: transaction.Npgsql(), ct: ct);
        await transaction.EnqueueAsync(Changed(settings, removed: false, time), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(settings);
    }

    private static async Task<IResult> ListAsync(IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var list = new List<ClientResponse>();
        await foreach (var application in applications.ListAsync(cancellationToken: ct))
        {
            if (await applications.GetClientIdAsync(application, ct) is { } id && id.StartsWith("partner-", StringComparison.Ordinal))
            {
                list.Add(await DescribeAsync(applications, application, ct));
            }
        }
        return TypedResults.Ok(list.OrderBy(c => c.DisplayName).ToList());
    }

    private static async Task<IResult> RotateSecretAsync(string clientId, IOpenIddictApplicationManager applications, AuditLog audit, CancellationToken ct)
    {
        if (await FindPartnerAsync(applications, clientId, ct) is not { } application)
        {
            return NotFound(clientId);
        }
        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, ct);
        await audit.AppendAsync(AuditActions.ClientSecretRotated, subject: clientId, ct: ct);
        return TypedResults.Ok(new Credentials(clientId, secret));
    }

    private static async Task<IResult> DeleteAsync(string clientId, IOpenIddictApplicationManager applications, IdentityDb db, AuditLog audit,
        TimeProvider time, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await FindPartnerAsync(applications, clientId, ct) is not { } application)
        {
            return NotFound(clientId);
        }
        var last = await DescribeAsync(applications, application, ct);
        await applications.DeleteAsync(application, ct);
        await audit.AppendAsync(AuditActions.ClientDeleted, subject: clientId, transaction: transaction.Npgsql(), ct: ct);
        // A removed client may be granted nothing: no scopes, and its limit no longer matters.
        await transaction.EnqueueAsync(Changed(last with { Scopes = [], JstTercs = [] }, removed: true, time), ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<object?> FindPartnerAsync(IOpenIddictApplicationManager applications, string clientId, CancellationToken ct) =>
        clientId.StartsWith("partner-", StringComparison.Ordinal) ? await applications.FindByClientIdAsync(clientId, ct) : null;

    private static async Task<ClientResponse> DescribeAsync(IOpenIddictApplicationManager applications, object application, CancellationToken ct)
    {
        var permissions = await applications.GetPermissionsAsync(application, ct);
        return new ClientResponse(
            (await applications.GetClientIdAsync(application, ct))!,
            await applications.GetDisplayNameAsync(application, ct) ?? "",
            permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order().ToList(),
            JstLimitOf(await applications.GetPropertiesAsync(application, ct)));
    }

    /// <summary>The JST a client is limited to, from its application's properties; empty when it is not limited.</summary>
    public static IReadOnlyList<string> JstLimitOf(IReadOnlyDictionary<string, JsonElement> properties) =>
        properties.TryGetValue(JstLimitProperty, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(e => e.GetString()).OfType<string>()]
            : [];

    /// <summary>Writes the settings into the descriptor (its scope permissions already cleared) and returns them as stored.</summary>
    private static ClientResponse Apply(OpenIddictApplicationDescriptor descriptor, IClientSettings settings)
    {
        descriptor.DisplayName = settings.DisplayName.Trim();
        var scopes = settings.Scopes.Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var scope in scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        List<string> jst = [.. (settings.JstTercs ?? []).Select(t => t.Trim()).Distinct().Order(StringComparer.Ordinal)];
        if (jst.Count == 0)
        {
            descriptor.Properties.Remove(JstLimitProperty);
        }
        else
        {
            descriptor.Properties[JstLimitProperty] = JsonSerializer.SerializeToElement(jst);
        }
        return new ClientResponse(descriptor.ClientId!, descriptor.DisplayName, scopes, jst);
    }

    private static ApiClientChanged Changed(ClientResponse client, bool removed, TimeProvider time) => new()
    {
        ClientId = client.ClientId,
        DisplayName = client.DisplayName,
        Scopes = client.Scopes,
        JstTercs = client.JstTercs,
        Removed = removed,
        ChangedAt = time.GetUtcNow(),
    };

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IResult NotFound(string clientId) =>
        ProblemDetailsDefaults.NotFound($"Nie ma klienta API {clientId}.", $"There is no API client {clientId}.");

    [GeneratedRegex(JstCodes.Pattern)]
    private static partial Regex Terc();
}
