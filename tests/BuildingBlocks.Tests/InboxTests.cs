namespace Cro.BuildingBlocks.Tests;

public sealed class InboxTests
{
    [Fact]
    public async Task Same_message_delivered_twice_is_applied_once()
    {
        await using var service = await MessagingHost.StartAsync();
        var message = new SomethingHappened { Key = Guid.NewGuid() };
        var messageId = Guid.CreateVersion7();

        await service.Bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);
        await service.Bus.Publish(message, context => context.MessageId = messageId, TestContext.Current.CancellationToken);

        await service.WaitUntilReceivedAsync(message.Key);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(1, await service.TimesReceivedAsync(message.Key));
    }

    [Fact]
    public async Task Different_messages_with_the_same_content_are_each_applied()
    {
        await using var service = await MessagingHost.StartAsync();
        var message = new SomethingHappened { Key = Guid.NewGuid() };

        await service.Bus.Publish(message, TestContext.Current.CancellationToken);
        await service.Bus.Publish(message, TestContext.Current.CancellationToken);

        Assert.Equal(2, await Eventually.GetAsync(() => service.TimesReceivedAsync(message.Key), n => n == 2));
    }
}
