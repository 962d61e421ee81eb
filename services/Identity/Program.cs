using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Identity;
using Cro.Identity.Features.Audit;
using Cro.Identity.Features.Bootstrap;
using Cro.Identity.Features.Clients;
using Cro.Identity.Features.Invitations;
using Cro.Identity.Features.TaskTeams;
using Cro.Identity.Features.PersonalData;
using Cro.Identity.Features.Tokens;
using Cro.Identity.Features.Users;
using FluentValidation;
using MassTransit;
using OpenIddict.Validation.AspNetCore;

if (args is ["--print-schema"])
{
    Console.Write(SchemaScript.Generate());
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDatabase("identity");
await builder.MigrateDatabaseAsync("identity");
builder.AddMessaging(typeof(Program).Assembly);
builder.AddIdentityServer(BuildTimeDocument.IsGenerating
    ? ServerKeys.Ephemeral()
    : await ServerKeys.LoadOrCreateAsync(builder.Configuration.GetConnectionString("identity")!));
builder.Services.AddRazorPages();
builder.Services.UseChosenLanguageOnly();
builder.Services.AddValidatorsFromAssemblyContaining<Program>();
builder.Services.AddCroOpenApi("identity", "Tożsamość: konta, role, klienci API partnerów. Logowanie: OpenID Connect (/.well-known/openid-configuration).");

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();
if (!BuildTimeDocument.IsGenerating)
{
    await app.BootstrapIdentityAsync();
}

app.MapCroOpenApi("identity");
app.MapAuthorizeEndpoint();
app.MapTokenEndpoint();
app.MapEndSessionEndpoint();
app.MapRazorPages();

// The identity APIs take bearer tokens (validated against this server's own keys), never the sign-in cookie.
var bearer = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
app.MapGroup("/api/identity")
    .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = bearer })
    .MapPartnerClients()
    .MapInviteUser()
    .MapUserAdministration()
    .MapAudit()
    .MapMyPersonalData()
    .MapErasure();

app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
