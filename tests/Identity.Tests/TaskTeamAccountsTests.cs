using Cro.Contracts;
using MassTransit;

namespace Cro.Identity.Tests;

/// <summary>Acceptance of a JST's application creates its team's accounts, with the JST claim, by invitation.</summary>
public sealed class TaskTeamAccountsTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApplicationAccepted Accepted(string terc, params TaskTeamMember[] team) => new()
    {
        ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), RoundName = "Nabór pilotażowy", JstTerc = terc,
        JstName = "Gromadka", JstKind = "rural-municipality", VoivodeshipTerc = "02", Score = 14, ScoringVersion = 1,
        PromotedFromReserve = false, AcceptedAt = DateTimeOffset.UtcNow, Team = team,
    };

    private static TaskTeamMember Member(string name, bool coordinator) => new()
    {
        MemberId = Guid.CreateVersion7(), FullName = name, Email = $"{Guid.NewGuid():N}@gromadka.test", Position = "sekretarz",
        Sex = "woman", IsCoordinator = coordinator,
    };

    private Task<long> CountAsync(string sql, object parameters) => identity.ScalarAsync<long>(sql, parameters);

    [Fact]
    public async Task Every_member_gets_an_account_for_the_JST_and_an_invitation_once_even_if_the_event_comes_twice()
    {
        var coordinator = Member("Grażyna Koordynatorka", coordinator: true);
        var member = Member("Marek Członek", coordinator: false);
        var accepted = Accepted("0201032", coordinator, member);
        var bus = identity.Factory.Services.GetRequiredService<IBus>();
        var messageId = Guid.NewGuid();

        await bus.Publish(accepted, context => context.MessageId = messageId, Ct);
        await bus.Publish(accepted, context => context.MessageId = messageId, Ct);

        var role = await Eventually.GetAsync(() => identity.ScalarAsync<string?>("""
            SELECT r."Name" FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE u."Email" = @email AND u."JstTerc" = '0201032'
            """, new { email = coordinator.Email }), r => r is not null, what: "the coordinator's account");
        Assert.Equal("jst-coordinator", role);
        Assert.Equal("jst-member", await identity.ScalarAsync<string>("""
            SELECT r."Name" FROM "AspNetUsers" u JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE u."Email" = @email
            """, new { email = member.Email }));
        foreach (var email in new[] { coordinator.Email, member.Email })
        {
            Assert.Equal(1, await CountAsync(
                "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.InvitationIssued,%' AND payload->>'email' = @email", new { email }));
        }
    }

    [Fact]
    public async Task The_invitation_on_acceptance_carries_the_JSTs_name_and_says_it_was_automatic()
    {
        var coordinator = Member("Halina Nowa", coordinator: true);
        var bus = identity.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(Accepted("0201032", coordinator), Ct);

        var invitation = await Eventually.GetAsync(() => identity.ScalarAsync<string?>(
            "SELECT (payload->>'jstName') || '|' || (payload->>'occasion') FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.InvitationIssued,%' AND payload->>'email' = @email",
            new { email = coordinator.Email }), r => r is not null, what: "the coordinator's invitation");
        Assert.Equal($"Gromadka|{InvitationOccasions.ApplicationAccepted}", invitation);
    }

    [Fact]
    public async Task A_person_acting_for_another_JST_is_not_moved_and_the_refusal_is_audited()
    {
        var (id, email) = await identity.CreatePersonAsync("Henryk Zajęty", "jst-member", "1465011", "henryk's long passphrase", Ct);
        var bus = identity.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(Accepted("0201032", Member("Ktoś Inny", true), Member("Henryk Zajęty", false) with { Email = email }), Ct);

        await Eventually.GetAsync(() => CountAsync("SELECT count(*) FROM audit_log WHERE action = 'jst.second-refused' AND subject_id = @id", new { id }),
            n => n == 1, what: "the refusal in the audit log");
        Assert.Equal("1465011", await identity.ScalarAsync<string>("""SELECT "JstTerc" FROM "AspNetUsers" WHERE "Id" = @id""", new { id }));
    }

    [Fact]
    public async Task A_member_who_leaves_loses_the_JST_and_a_newcomer_is_invited()
    {
        var (id, email) = await identity.CreatePersonAsync("Leon Odchodzący", "jst-member", "0201032", "leon's long passphrase", Ct);
        var newcomer = Member("Nina Nowa", coordinator: false);
        var bus = identity.Factory.Services.GetRequiredService<IBus>();

        await bus.Publish(new TeamMemberLeft
        {
            ApplicationId = Guid.NewGuid(), RoundId = Guid.NewGuid(), JstTerc = "0201032", MemberId = Guid.NewGuid(), Email = email, LeftAt = DateTimeOffset.UtcNow,
        }, Ct);
        await bus.Publish(new TeamMemberJoined
        {
            ApplicationId = Guid.NewGuid(), RoundId = Guid.NewGuid(), JstTerc = "0201032", JstName = "Gromadka", Member = newcomer, JoinedAt = DateTimeOffset.UtcNow,
        }, Ct);

        await Eventually.GetAsync(() => identity.ScalarAsync<string?>("""SELECT "JstTerc" FROM "AspNetUsers" WHERE "Id" = @id""", new { id }),
            jst => jst is null, what: "the JST removed from the person who left");
        Assert.Equal(0, await CountAsync("""SELECT count(*) FROM "AspNetUserRoles" WHERE "UserId" = @id""", new { id }));
        await Eventually.GetAsync(() => CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.InvitationIssued,%' AND payload->>'email' = @email",
            new { email = newcomer.Email }), n => n == 1, what: "the newcomer's invitation");
    }
}
