using System.Text.Json.Nodes;
using Cro.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cro.ServiceDefaults;

/// <summary>
/// What an OpenAPI document says about access, derived from each endpoint's authorization metadata, so it
/// cannot drift from what the service enforces: the security schemes identity offers, per operation the
/// scopes or roles it needs (<c>security</c>, and in words in the description and <c>x-cro-authorization</c>),
/// an empty <c>security</c> for an anonymous one, and the 401 and 403 answers
/// (<see cref="ApiAuthorizationProblems"/>) as ProblemDetails.
/// </summary>
internal static class OpenApiSecurity
{
    /// <summary>Any access token of identity's; in a requirement, the roles its <c>role</c> claim must hold.</summary>
    public const string Bearer = "bearer";

    /// <summary>Identity's OAuth 2.0 flows; in a requirement, the scopes the token must carry.</summary>
    public const string OAuth2 = "oauth2";

    /// <summary>The extension that states the policy, roles and scopes an operation needs, for a reader or a tool.</summary>
    public const string Extension = "x-cro-authorization";

    private const string ProblemJson = "application/problem+json";
    private const string ProblemSchema = nameof(ProblemDetails);

    /// <summary>The schemes, and the ProblemDetails schema the 401 and 403 answers refer to.</summary>
    public static async Task DescribeSchemesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Token dostępu (JWT) wydany przez usługę identity, w nagłówku Authorization: Bearer. W wymaganiu: role, z których token musi mieć jedną (roszczenie role). / "
                    + "An access token (JWT) issued by identity, in the Authorization: Bearer header. In a requirement: the role the token's role claim must hold.",
            },
            [OAuth2] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "Tokeny usługi identity: kod autoryzacji z PKCE dla osób (przez stronę), poświadczenia klienta dla partnera (klient API z zakresami). / "
                    + "Identity's tokens: authorization code with PKCE for people (through the site), client credentials for a partner (an API client with scopes).",
                Flows = new OpenApiOAuthFlows
                {
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        RefreshUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>
                        {
                            ["openid"] = "Identyfikator osoby / The person's identifier",
                            ["profile"] = "Imię i nazwisko / Name",
                            ["email"] = "Adres e-mail / E-mail address",
                            ["roles"] = "Role i JST / Roles and JST",
                            ["offline_access"] = "Token odświeżania / Refresh token",
                        },
                    },
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = Scopes.Partner.ToDictionary(s => s, ScopeDescription),
                    },
                },
            },
        };
        if (document.Components.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: ct));
        }
    }

    /// <summary>The operation's security requirement, its access in words, and its 401 and 403.</summary>
    public static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            Describe(operation, new JsonObject { ["anonymous"] = true },
                "Dostęp: bez logowania. / Access: anonymous.");
            return;
        }

        var policies = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        var policy = await AuthorizationPolicy.CombineAsync(policies, authorizeData, metadata.OfType<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync()
            ?? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        var access = Access.Of(policy);

        operation.Security = [.. access.Alternatives.Select(alternative =>
        {
            var requirement = new OpenApiSecurityRequirement();
            foreach (var (scheme, values) in alternative)
            {
                requirement[new OpenApiSecuritySchemeReference(scheme, context.Document)] = [.. values.Order(StringComparer.Ordinal)];
            }
            return requirement;
        })];
        var extension = new JsonObject
        {
            ["policies"] = new JsonArray([.. authorizeData.Select(a => a.Policy).OfType<string>().Distinct().Select(p => (JsonNode)p)]),
            ["roles"] = new JsonArray([.. access.Roles.Select(r => (JsonNode)r)]),
            ["scopes"] = new JsonArray([.. access.Scopes.Select(s => (JsonNode)s)]),
            ["personOnly"] = access.PersonOnly,
        };
        Describe(operation, extension, access.InWords());

        operation.Responses ??= new OpenApiResponses();
        AddProblem(operation, context, StatusCodes.Status401Unauthorized,
            "Brak ważnego tokenu dostępu. / No valid access token.");
        AddProblem(operation, context, StatusCodes.Status403Forbidden,
            "Token nie ma wymaganego zakresu ani roli (albo operacja nie jest dla tego konta). / The token lacks the scope or role required (or the operation is not for this account).");
        var byStatus = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in byStatus)
        {
            operation.Responses.Add(status, response);
        }
    }

    private static void Describe(OpenApiOperation operation, JsonObject extension, string words)
    {
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(extension);
        operation.Description = string.IsNullOrEmpty(operation.Description) ? words : operation.Description + "\n\n" + words;
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
            },
        };
    }

    private static string ScopeDescription(string scope) => scope switch
    {
        Scopes.RecruitmentRead => "Odczyt naborów i wniosków / Read recruitment rounds and applications",
        Scopes.RecruitmentWrite => "Zgłaszanie kandydatów (wnioski JST) / Submit candidates (JST applications)",
        Scopes.PracticesWrite => "Zgłaszanie dobrych praktyk / Submit good practices",
        Scopes.IndicatorsRead => "Odczyt wskaźników / Read indicators",
        Scopes.AdvisoryRead => "Odczyt zestawień doradztwa / Read advisory aggregates",
        Scopes.MonitoringRead => "Odczyt zestawień monitorowania planów / Read plan monitoring aggregates",
        Scopes.TrainingRead => "Odczyt postępów szkoleń JST członkowskich / Read the member JST's training progress",
        Scopes.WebhooksManage => "Zarządzanie webhookami partnera / Manage the partner's webhooks",
        Scopes.ConsultationsWrite => "Uwagi i recenzja w konsultacjach koncepcji, programów i materiałów / Comments and review in the consultations of the concept, programmes and materials",
        _ => scope,
    };

    /// <summary>
    /// Who passes a policy, as OpenAPI says it: alternatives (any one suffices), each a set of schemes with the
    /// scopes (oauth2) or roles (bearer) it needs, all of them together.
    /// </summary>
    private sealed record Access(IReadOnlyList<Dictionary<string, SortedSet<string>>> Alternatives, bool PersonOnly, bool CheckedInCode)
    {
        public IEnumerable<string> Roles => Values(Bearer);

        public IEnumerable<string> Scopes => Values(OAuth2);

        private IEnumerable<string> Values(string scheme) =>
            Alternatives.SelectMany(a => a.GetValueOrDefault(scheme) ?? []).Distinct().Order(StringComparer.Ordinal);

        public static Access Of(AuthorizationPolicy policy)
        {
            List<Dictionary<string, SortedSet<string>>> alternatives = [new()];
            bool personOnly = false, checkedInCode = false;
            foreach (var requirement in policy.Requirements)
            {
                List<(string Scheme, string? Value)> options = requirement switch
                {
                    ClaimsAuthorizationRequirement { ClaimType: CroClaims.Role, AllowedValues: { } roles } => [.. roles.Select(r => (Bearer, (string?)r))],
                    RolesAuthorizationRequirement { AllowedRoles: var roles } => [.. roles.Select(r => (Bearer, (string?)r))],
                    PartnerScopeRequirement scope => [(OAuth2, scope.Scope), .. PartnerScopeRequirement.RolesAlsoAllowed.Select(r => (Bearer, (string?)r))],
                    _ => [(Bearer, null)],
                };
                personOnly |= requirement is ClaimsAuthorizationRequirement { ClaimType: CroClaims.PrincipalType };
                checkedInCode |= requirement is not (ClaimsAuthorizationRequirement or RolesAuthorizationRequirement
                    or PartnerScopeRequirement or DenyAnonymousAuthorizationRequirement);
                alternatives = [.. alternatives.SelectMany(alternative => options.Select(option => With(alternative, option.Scheme, option.Value)))];
            }
            if (alternatives.Any(a => a.Count == 0))
            {
                alternatives = [.. alternatives.Select(a => a.Count == 0 ? new() { [Bearer] = [] } : a)];
            }
            return new Access(alternatives, personOnly, checkedInCode);
        }

        private static Dictionary<string, SortedSet<string>> With(Dictionary<string, SortedSet<string>> alternative, string scheme, string? value)
        {
            var copy = alternative.ToDictionary(a => a.Key, a => new SortedSet<string>(a.Value, StringComparer.Ordinal));
            var values = copy.TryGetValue(scheme, out var existing) ? existing : copy[scheme] = new SortedSet<string>(StringComparer.Ordinal);
            if (value is not null)
            {
                values.Add(value);
            }
            return copy;
        }

        public string InWords()
        {
            var pl = new List<string>();
            var en = new List<string>();
            foreach (var alternative in Alternatives)
            {
                var scopes = alternative.GetValueOrDefault(OAuth2) ?? [];
                var roles = alternative.GetValueOrDefault(Bearer) ?? [];
                if (scopes.Count > 0)
                {
                    pl.Add($"klient API z zakresem {string.Join(" i ", scopes)}");
                    en.Add($"an API client with the scope {string.Join(" and ", scopes)}");
                }
                else if (roles.Count > 0)
                {
                    pl.Add($"rola {string.Join(" i ", roles)}");
                    en.Add($"the role {string.Join(" and ", roles)}");
                }
            }
            var anyone = PersonOnly ? ("zalogowana osoba (nie klient API)", "a signed-in person (not an API client)") : ("dowolny ważny token", "any valid token");
            var (whoPl, whoEn) = pl.Count == 0 ? anyone : (string.Join(" albo ", pl), string.Join(", or ", en));
            var (notePl, noteEn) = CheckedInCode ? (" Resztę sprawdza usługa.", " The service checks the rest.") : ("", "");
            return $"Dostęp: {whoPl}.{notePl} / Access: {whoEn}.{noteEn}";
        }
    }
}
