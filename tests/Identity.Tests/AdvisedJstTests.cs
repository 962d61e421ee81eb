using System.IdentityModel.Tokens.Jwt;
using Cro.Contracts;
using MassTransit;

namespace Cro.Identity.Tests;

/// <summary>
/// An advisor's tokens carry the JST they advise now (advised_jst claims), kept from advisory's events: an assignment
/// grants the JST, a handover moves it to the new advisor, an ended engagement takes it away. Each change reaches the
/// next token (a refresh), whatever order the events arrive in and however often.
/// </summary>
public sealed class AdvisedJstTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Password = "an advisor's long passphrase";

    private sealed record Advisor(Guid UserId, string Email)
    {
        public Guid AdvisorId { get; } = Guid.CreateVersion7();
    }

    private async Task<Advisor> AdvisorAsync(string name)
    {
        var (id, email) = await identity.CreatePersonAsync(name, "advisor", null, Password, Ct);
        return new Advisor(id, email);
    }

    /// <summary>What advisory publishes when <paramref name="advisor"/> takes up an engagement (or it is handed over to them).</summary>
    private static AdvisorAssigned Assigned(Guid engagementId, string terc, Advisor advisor, DateTimeOffset at, bool byAccount, Advisor? previous = null) => new()
    {
        EngagementId = engagementId, ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), JstTerc = terc, JstName = "JST " + terc,
        AdvisorId = advisor.AdvisorId, AdvisorUserId = byAccount ? advisor.UserId : null,
        // Known by address only, as the operator may have typed it.
        AdvisorEmail = byAccount ? advisor.Email : advisor.Email.ToUpperInvariant(), AdvisorName = "Doradca",
        StartsOn = new DateOnly(2025, 5, 1), EndsOn = new DateOnly(2026, 5, 1), HoursBudget = 40,
        PreviousAdvisorId = previous?.AdvisorId, PreviousAdvisorEmail = previous?.Email, AssignedAt = at,
    };

    private static EngagementEnded Ended(Guid engagementId, string terc, Advisor advisor) => new()
    {
        EngagementId = engagementId, ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), JstTerc = terc, AdvisorId = advisor.AdvisorId,
        AdvisorUserId = advisor.UserId, AdvisorEmail = advisor.Email, How = "early", Reason = "JST zrezygnowała", HoursHeld = 3, EndedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>Publishes <paramref name="message"/> twice with one message id, as a redelivery would; returns the id.</summary>
    private async Task<Guid> PublishTwiceAsync<T>(T message) where T : class
    {
        var bus = identity.Factory.Services.GetRequiredService<IBus>();
        var id = Guid.CreateVersion7();
        await bus.Publish(message, context => context.MessageId = id, Ct);
        await bus.Publish(message, context => context.MessageId = id, Ct);
        return id;
    }

    private Task<long> AdvisedJstChangesAsync(Advisor advisor) => identity.ScalarAsync<long>("""
        SELECT count(*) FROM audit_log
        WHERE action = 'roles.changed' AND subject_id = @UserId
          AND (detail->>'advisedJstAdded' IS NOT NULL OR detail->>'advisedJstRemoved' IS NOT NULL)
        """, advisor);

    private static string[] AdvisedJst(string accessToken) =>
        [.. new JwtSecurityTokenHandler().ReadJwtToken(accessToken).Claims.Where(c => c.Type == "advised_jst").Select(c => c.Value).Order()];

    /// <summary>The advised JST of a fresh token of <paramref name="tokens"/>' person (a refresh), once they are <paramref name="expected"/>.</summary>
    private async Task<OidcFlows.Tokens> RefreshedUntilAsync(OidcFlows.Tokens tokens, string[] expected, string what)
    {
        var http = identity.Factory.CreateClient();
        var current = tokens;
        await Eventually.GetAsync(async () => current = await OidcFlows.RefreshAsync(http, current.RefreshToken!, Ct),
            t => AdvisedJst(t.AccessToken).SequenceEqual(expected), what: what);
        return current;
    }

    [Fact]
    public async Task An_assigned_advisor_carries_the_JST_a_handover_moves_it_and_an_end_takes_it_away()
    {
        var (anna, bartek) = (await AdvisorAsync("Anna Doradczyni"), await AdvisorAsync("Bartosz Doradca"));
        var (gromadka, osiecznica) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var t = DateTimeOffset.UtcNow;
        var annaTokens = await identity.SignInAsync(anna.Email, Password, Ct);
        var bartekTokens = await identity.SignInAsync(bartek.Email, Password, Ct);
        Assert.Empty(AdvisedJst(annaTokens.AccessToken));

        // Anna is named by her account, Bartosz by his address only.
        await PublishTwiceAsync(Assigned(gromadka, "0201032", anna, t, byAccount: true));
        await PublishTwiceAsync(Assigned(osiecznica, "0201042", bartek, t, byAccount: false));
        annaTokens = await RefreshedUntilAsync(annaTokens, ["0201032"], "Gromadka in Anna's token");
        bartekTokens = await RefreshedUntilAsync(bartekTokens, ["0201042"], "Osiecznica in Bartosz's token");
        // The sign-in's own token carries it as well.
        Assert.Equal(["0201032"], AdvisedJst((await identity.SignInAsync(anna.Email, Password, Ct)).AccessToken));

        // Gromadka is handed over to Bartosz: it leaves Anna's next token and enters his.
        await PublishTwiceAsync(Assigned(gromadka, "0201032", bartek, t.AddMinutes(1), byAccount: true, previous: anna));
        bartekTokens = await RefreshedUntilAsync(bartekTokens, ["0201032", "0201042"], "both JST in Bartosz's token");
        annaTokens = await RefreshedUntilAsync(annaTokens, [], "nothing left in Anna's token");

        // Osiecznica's advisory ends.
        await PublishTwiceAsync(Ended(osiecznica, "0201042", bartek));
        await RefreshedUntilAsync(bartekTokens, ["0201032"], "only Gromadka left in Bartosz's token");
        // Each grant and removal is in the audit log: Anna's Gromadka and its handover; Bartosz's two JST and the end.
        Assert.Equal((2, 3), (await AdvisedJstChangesAsync(anna), await AdvisedJstChangesAsync(bartek)));
    }

    [Fact]
    public async Task A_handover_that_overtakes_the_first_assignment_stands_and_an_end_that_overtakes_it_keeps_the_JST_away()
    {
        var (celina, darek) = (await AdvisorAsync("Celina Doradczyni"), await AdvisorAsync("Dariusz Doradca"));
        var (handedOver, ended) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var t = DateTimeOffset.UtcNow;

        Guid[] messages =
        [
            await PublishTwiceAsync(Assigned(handedOver, "0201022", darek, t.AddMinutes(5), byAccount: true, previous: celina)),
            await PublishTwiceAsync(Ended(ended, "0201011", celina)),
            await PublishTwiceAsync(Assigned(handedOver, "0201022", celina, t, byAccount: true)),
            await PublishTwiceAsync(Assigned(ended, "0201011", celina, t, byAccount: true)),
        ];
        await Eventually.GetAsync(() => identity.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = ANY (@messages)", new { messages }),
            n => n == messages.Length, what: "the four events applied");

        Assert.Empty(AdvisedJst((await identity.SignInAsync(celina.Email, Password, Ct)).AccessToken));
        Assert.Equal(["0201022"], AdvisedJst((await identity.SignInAsync(darek.Email, Password, Ct)).AccessToken));
    }

    [Fact]
    public async Task An_advisor_named_by_address_before_their_account_exists_carries_the_JST_once_it_does()
    {
        var email = $"{Guid.NewGuid():N}@doradcy.test";
        var engagement = Guid.CreateVersion7();
        var message = await PublishTwiceAsync(Assigned(engagement, "0201011", new Advisor(Guid.Empty, email), DateTimeOffset.UtcNow, byAccount: false));
        await Eventually.GetAsync(() => identity.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE message_id = @message", new { message }),
            n => n == 1, what: "the assignment applied");

        await identity.CreatePersonAsync("Ewa Doradczyni", "advisor", null, Password, Ct, email);

        Assert.Equal(["0201011"], AdvisedJst((await identity.SignInAsync(email, Password, Ct)).AccessToken));
    }
}
