using Microsoft.AspNetCore.Authorization;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// Every authorization policy of the platform, defined once. Every endpoint names one of these (or is
/// explicitly anonymous); anything unmarked falls back to "signed in", never to open.
/// </summary>
public static class Policies
{
    public const string Admin = "admin";
    /// <summary>ORE staff; administrators too.</summary>
    public const string Operator = "operator";
    /// <summary>Any signed-in person (not an API client).</summary>
    public const string Person = "person";
    /// <summary>Trainers, and ORE staff and administrators; which cohorts a trainer may act on is checked by the service.</summary>
    public const string TrainerOrOperator = "trainer-or-operator";
    /// <summary>Advisors, and ORE staff and administrators; which JST an advisor may act on is checked by the service.</summary>
    public const string AdvisorOrOperator = "advisor-or-operator";
    /// <summary>People of a JST's task team (coordinator or member); the JST is their token's.</summary>
    public const string JstTeam = "jst-team";
    /// <summary>A JST's team, its advisor, or ORE staff: who takes part in a JST's advisory.</summary>
    public const string AdvisoryParty = "advisory-party";
    /// <summary>People who run the programme: trainers, advisors, ORE staff and administrators (e.g. who propose that a JST describe a good practice).</summary>
    public const string ProgrammeStaff = "programme-staff";

    /// <summary>ORE's finance staff and administrators: the project's budget and spending.</summary>
    public const string Finance = "finance";
    /// <summary>ORE's finance staff and ORE staff (administrators too): who read the project's budget dashboard and its report for the ministry.</summary>
    public const string FinanceOrOperator = "finance-or-operator";
    /// <summary>Only the people given the ESF+ data role: participants' special-category data and the SM EFS export (not implied by any other role).</summary>
    public const string EsfData = "esf-data";

    /// <summary>A partner client holding <paramref name="scope"/>, or an operator (who may see what partners see).</summary>
    public static string PartnerOrOperator(string scope) => $"scope:{scope}";

    /// <param name="signedInByDefault">
    /// Whether an endpoint that names no policy requires a signed-in caller (APIs: yes). The web turns it
    /// off because the framework's own file fallback must answer 404, not a sign-in; its pages and endpoints
    /// are checked one by one by a test instead.
    /// </param>
    public static IServiceCollection AddCroAuthorization(this IServiceCollection services, bool signedInByDefault = true)
    {
        var builder = services.AddAuthorizationBuilder();
        if (signedInByDefault)
        {
            builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }
        builder
            .AddPolicy(Admin, p => p.RequireClaim(CroClaims.Role, Roles.Admin))
            .AddPolicy(Operator, p => p.RequireClaim(CroClaims.Role, Roles.Operator, Roles.Admin))
            .AddPolicy(Person, p => p.RequireClaim(CroClaims.PrincipalType, CroClaims.Person))
            .AddPolicy(TrainerOrOperator, p => p.RequireClaim(CroClaims.Role, Roles.Trainer, Roles.Operator, Roles.Admin))
            .AddPolicy(AdvisorOrOperator, p => p.RequireClaim(CroClaims.Role, Roles.Advisor, Roles.Operator, Roles.Admin))
            .AddPolicy(JstTeam, p => p.RequireClaim(CroClaims.Role, [.. Roles.OfJst]))
            .AddPolicy(AdvisoryParty, p => p.RequireClaim(CroClaims.Role, [Roles.Advisor, Roles.Operator, Roles.Admin, .. Roles.OfJst]))
            .AddPolicy(ProgrammeStaff, p => p.RequireClaim(CroClaims.Role, Roles.Trainer, Roles.Advisor, Roles.Operator, Roles.Admin))
            .AddPolicy(Finance, p => p.RequireClaim(CroClaims.Role, Roles.Finance, Roles.Admin))
            .AddPolicy(FinanceOrOperator, p => p.RequireClaim(CroClaims.Role, Roles.Finance, Roles.Operator, Roles.Admin))
            .AddPolicy(EsfData, p => p.RequireClaim(CroClaims.Role, Roles.EsfData));
        foreach (var scope in Scopes.Partner)
        {
            builder.AddPolicy(PartnerOrOperator(scope), p => p.AddRequirements(new PartnerScopeRequirement(scope)));
        }
        services.AddSingleton<IAuthorizationHandler, PartnerScopeHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationProblems>();
        return services;
    }
}
