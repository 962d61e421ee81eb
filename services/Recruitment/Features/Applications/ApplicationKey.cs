using System.Security.Cryptography;
using System.Text;
using Microsoft.OpenApi;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// The secret that opens a draft before anyone has an account: sent in the e-mailed link, given back
/// in the X-Application-Key header, stored only as its SHA-256 hash.
/// </summary>
public static class ApplicationKey
{
    public const string Header = "X-Application-Key";

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// In the OpenAPI document: the endpoint opens an application with its key (the <see cref="Header"/> header)
    /// or with a signed-in person's token, and answers 401 with neither.
    /// </summary>
    public static RouteHandlerBuilder WithApplicationKey(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Header,
                In = ParameterLocation.Header,
                Description = "Klucz wniosku z łącza w wiadomości e-mail (albo token zalogowanej osoby). / The application's key from the e-mailed link (or a signed-in person's token).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            // Either the key or a token: no token is required, one is used when sent.
            operation.Security = [new OpenApiSecurityRequirement(), OpenApiDefaults.AnyToken(context.Document)];
            operation.Description = $"Dostęp: klucz wniosku (nagłówek {Header}) albo token osoby z tej JST lub operatora. / "
                + $"Access: the application's key (the {Header} header), or the token of a person of this JST or of an operator.";
            return Task.CompletedTask;
        });
}
