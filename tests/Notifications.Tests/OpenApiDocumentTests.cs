namespace Cro.Notifications.Tests;

/// <summary>The notifications' OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_is_well_formed_committed_and_describes_the_real_answers()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var document = await ServedOpenApiDocument.FetchAsync(service.CreateClient(), "notifications", Ct);
        var invitation = Events.Invitation();
        await service.Bus.Publish(invitation, Ct);
        await smtp.WaitForAsync(invitation.Email);

        document.AssertWellFormed();
        document.AssertIsCommitted();
        var byPerson = await document.AssertAnswersAsync(service.CreateClient(TestTokens.Person(invitation.UserId)), document.PathsWithoutParameters(), Ct);
        await document.AssertAnswersAsync(service.CreateClient(), document.PathsWithoutParameters(), Ct);

        Assert.Equal(200, byPerson["/api/notifications/me/personal-data"]);
    }
}
