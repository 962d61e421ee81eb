using System.Security.Claims;
using Cro.ServiceDefaults.Security;

namespace Cro.BuildingBlocks.Tests;

/// <summary>Who sees which JST, from the claims of their access token.</summary>
public sealed class JstScopeTests
{
    private const string Own = "2261011";
    private const string Other = "1465011";

    /// <summary>A signed-in person with these claims, as the JWT handler builds one (claim names unmapped).</summary>
    public static ClaimsPrincipal Person(params (string Type, string Value)[] claims) => new(new ClaimsIdentity(
        [new Claim(CroClaims.PrincipalType, CroClaims.Person), .. claims.Select(c => new Claim(c.Type, c.Value))],
        authenticationType: "test", CroClaims.Name, CroClaims.Role));

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Operator)]
    public void Administrators_and_operators_see_every_JST(string role)
    {
        var scope = JstScope.For(Person((CroClaims.Role, role), (CroClaims.Jst, Own)));

        Assert.True(scope.IncludesAll);
        Assert.True(scope.CanSee(Own));
        Assert.True(scope.CanSee(Other));
    }

    [Theory]
    [InlineData(Roles.JstCoordinator)]
    [InlineData(Roles.JstMember)]
    public void JST_team_sees_only_the_JST_of_its_claim_whatever_the_caller_passes(string role)
    {
        var scope = JstScope.For(Person((CroClaims.Role, role), (CroClaims.Jst, Own)), advisedTercs: [Other]);

        Assert.False(scope.IncludesAll);
        Assert.Equal([Own], scope.Tercs);
        Assert.True(scope.CanSee(Own));
        Assert.False(scope.CanSee(Other));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2261011,1465011")]
    public void JST_team_member_without_a_well_formed_jst_claim_sees_nothing(string? claim)
    {
        var user = claim is null ? Person((CroClaims.Role, Roles.JstMember)) : Person((CroClaims.Role, Roles.JstMember), (CroClaims.Jst, claim));

        var scope = JstScope.For(user);

        Assert.Empty(scope.Tercs);
        Assert.False(scope.CanSee(Own));
    }

    [Fact]
    public void Advisor_sees_the_JST_the_caller_found_them_assigned_to_and_no_other()
    {
        var advisor = Person((CroClaims.Role, Roles.Advisor));

        var scope = JstScope.For(advisor, advisedTercs: [Other, Own, Other]);

        Assert.Equal([Other, Own], scope.Tercs);
        Assert.False(scope.CanSee("0201011"));
        Assert.Empty(JstScope.For(advisor).Tercs);
    }

    [Fact]
    public void Advisor_sees_the_JST_of_their_advised_jst_claims_and_no_other()
    {
        var advisor = Person((CroClaims.Role, Roles.Advisor), (CroClaims.AdvisedJst, Own), (CroClaims.AdvisedJst, Other),
            (CroClaims.AdvisedJst, "not a terc"));

        Assert.Equal([Other, Own], JstScope.For(advisor).Tercs);
        Assert.False(JstScope.For(advisor).CanSee("0201011"));
    }

    [Fact]
    public void What_the_caller_found_the_advisor_assigned_to_just_now_stands_instead_of_the_claims()
    {
        var advisor = Person((CroClaims.Role, Roles.Advisor), (CroClaims.AdvisedJst, Own));

        Assert.Equal([Other], JstScope.For(advisor, advisedTercs: [Other]).Tercs);
        Assert.Empty(JstScope.For(advisor, advisedTercs: []).Tercs);
    }

    [Theory]
    [InlineData(Roles.JstMember)]
    [InlineData(Roles.Trainer)]
    public void An_advised_jst_claim_without_the_advisor_role_adds_nothing(string role)
    {
        var scope = JstScope.For(Person((CroClaims.Role, role), (CroClaims.Jst, Own), (CroClaims.AdvisedJst, Other)));

        Assert.False(scope.CanSee(Other));
    }

    [Fact]
    public void Advisor_who_is_also_on_a_JST_team_sees_both()
    {
        var user = Person((CroClaims.Role, Roles.Advisor), (CroClaims.Role, Roles.JstMember), (CroClaims.Jst, Own));

        Assert.Equal([Other, Own], JstScope.For(user, advisedTercs: [Other]).Tercs);
    }

    [Theory]
    [InlineData(Roles.Trainer)]
    [InlineData("someone")]
    public void Anyone_else_sees_nothing_even_with_a_jst_claim(string role)
    {
        var scope = JstScope.For(Person((CroClaims.Role, role), (CroClaims.Jst, Own)), advisedTercs: [Other]);

        Assert.False(scope.IncludesAll);
        Assert.Empty(scope.Tercs);
        Assert.False(scope.CanSee(Own));
    }

    [Fact]
    public void Partner_client_and_anonymous_caller_see_nothing()
    {
        var client = new ClaimsPrincipal(new ClaimsIdentity([new Claim(CroClaims.PrincipalType, CroClaims.Client),
            new Claim(CroClaims.Scope, Scopes.RecruitmentRead)], "test"));

        Assert.Empty(JstScope.For(client).Tercs);
        Assert.False(JstScope.For(client).CanSee(Own));
        Assert.False(JstScope.For(new ClaimsPrincipal(new ClaimsIdentity())).CanSee(Own));
    }

    [Theory]
    [InlineData("2261011,1465011")]
    [InlineData("")]
    [InlineData("22 61011")]
    public void A_code_that_is_not_a_TERC_is_refused_rather_than_passed_on_to_the_database(string terc)
    {
        Assert.Throws<ArgumentException>(() => JstScope.Of([terc]));
    }
}
