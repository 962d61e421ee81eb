using System.Security.Cryptography;
using Cro.Identity.Features.Audit;
using FluentValidation;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Cro.Identity.Features.Clients;

/// <summary>
/// Partner API clients (client credentials): administrators create them with scopes, list them,
/// rotate a secret and remove them. A secret is shown once, at creation or rotation, and stored hashed.
/// </summary>
public static class PartnerClients
{
    [OpenApiSchemaName("CreatePartnerClientRequest")]
    public sealed record CreateRequest(string DisplayName, IReadOnlyList<string> Scopes);

    [OpenApiSchemaName("PartnerClientCredentials")]
    public sealed record Credentials(string ClientId, string ClientSecret);

    [OpenApiSchemaName("PartnerClient")]
    public sealed record ClientResponse(string ClientId, string DisplayName, IReadOnlyList<string> Scopes);

    public sealed class CreateValidator : AbstractValidator<CreateRequest>
    {
        public CreateValidator()
        {
            RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200)
                .WithMessage(_ => Text.Pick("Podaj nazwę klienta (do 200 znaków).", "Give the client a name (up to 200 characters)."));
            RuleFor(r => r.Scopes).NotEmpty()
                .WithMessage(_ => Text.Pick("Wybierz co najmniej jeden zakres.", "Choose at least one scope."));
            RuleForEach(r => r.Scopes).Must(s => ServiceDefaults.Security.Scopes.Partner.Contains(s))
                .WithMessage((_, scope) => Text.Pick($"Nieznany zakres „{scope}”. Dozwolone: {string.Join(", ", ServiceDefaults.Security.Scopes.Partner)}.",
                    $"Unknown scope '{scope}'. Allowed: {string.Join(", ", ServiceDefaults.Security.Scopes.Partner)}."));
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
        clients.MapPost("/{clientId}/secret", RotateSecretAsync).WithName("RotatePartnerClientSecret")
            .WithSummary("Nowy sekret (poprzedni przestaje działać) / New secret (the old one stops working)")
            .Produces<Credentials>().ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapDelete("/{clientId}", DeleteAsync).WithName("DeletePartnerClient")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateRequest request, IOpenIddictApplicationManager applications, AuditLog audit, CancellationToken ct)
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
        foreach (var scope in request.Scopes.Distinct())
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
        await applications.CreateAsync(descriptor, ct);
        await audit.AppendAsync(AuditActions.ClientCreated, subject: clientId,
            detail: new { displayName = descriptor.DisplayName, scopes = request.Scopes.Distinct() }, ct: ct);
        return TypedResults.Created($"/api/identity/clients/{clientId}", new Credentials(clientId, secret));
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

    private static async Task<IResult> DeleteAsync(string clientId, IOpenIddictApplicationManager applications, AuditLog audit, CancellationToken ct)
    {
        if (await FindPartnerAsync(applications, clientId, ct) is not { } application)
        {
            return NotFound(clientId);
        }
        await applications.DeleteAsync(application, ct);
        await audit.AppendAsync(AuditActions.ClientDeleted, subject: clientId, ct: ct);
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
                .Select(p => p[Permissions.Prefixes.Scope.Length..]).Order().ToList());
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IResult NotFound(string clientId) =>
        ProblemDetailsDefaults.NotFound($"Nie ma klienta API {clientId}.", $"There is no API client {clientId}.");
}
