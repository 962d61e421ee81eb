using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Practices;

/// <summary>
/// Queues an event's mail for each person it names, once per address, in the inbox transaction; <see cref="MailSender"/>
/// delivers them. The people are known by their address alone (an author may have no account, or one under another id):
/// the mails are kept without a person id, and the data export and erasure find them by the address.
/// </summary>
/// <param name="mailNamespace">The namespace of the ids of this kind of mail.</param>
public abstract class GoodPracticeMailConsumer<TEvent>(NpgsqlDataSource dataSource, Guid mailNamespace,
    Func<TEvent, IReadOnlyList<GoodPracticePerson>> people, Func<TEvent, GoodPracticePerson, RenderedMail> render)
    : InboxConsumer<TEvent>(dataSource) where TEvent : class
{
    protected override Task HandleAsync(TEvent message, DataSession session) =>
        session.EnqueueMailToEachAsync(mailNamespace, MessageId, people(message), p => p.Email, _ => null, p => render(message, p));
}

/// <summary>A practice submitted: its authors are told where it went.</summary>
public sealed class GoodPracticeSubmittedConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticeSubmitted>(dataSource, Guid.Parse("5f0b7c2e-3d41-4a8e-9c6f-1e2d3b4a5c60"), e => e.Authors, GoodPracticeMail.Submitted);

/// <summary>A practice submitted to the advisor: the JST's advisors are told it waits for them (a consumer of its own, its own mails).</summary>
public sealed class GoodPracticeReviewRequestedConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticeSubmitted>(dataSource, Guid.Parse("6a1c8d3f-4e52-4b9f-8d70-2f3e4c5b6d71"), e => e.Reviewers,
        GoodPracticeMail.ReviewRequested);

public sealed class GoodPracticeApprovedByAdvisorConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticeApprovedByAdvisor>(dataSource, Guid.Parse("7b2d9e40-5f63-4ca0-9e81-3a4f5d6c7e82"), e => e.Authors,
        GoodPracticeMail.Approved);

public sealed class GoodPracticeChangesRequestedConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticeChangesRequested>(dataSource, Guid.Parse("8c3e0f51-6074-4db1-8f92-4b5a6e7d8f93"), e => e.Authors,
        GoodPracticeMail.ChangesRequested);

public sealed class GoodPracticePublishedConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticePublished>(dataSource, Guid.Parse("9d4f1062-7185-4ec2-9fa3-5c6b7f8e90a4"), e => e.Authors,
        GoodPracticeMail.Published);

public sealed class GoodPracticeUnpublishedConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticeUnpublished>(dataSource, Guid.Parse("ae502173-8296-4fd3-8ab4-6d7c8091a1b5"), e => e.Authors,
        GoodPracticeMail.Unpublished);

/// <summary>A proposal to a JST: its team's current members are told.</summary>
public sealed class GoodPracticeProposedConsumer(NpgsqlDataSource dataSource)
    : GoodPracticeMailConsumer<GoodPracticeProposed>(dataSource, Guid.Parse("bf613284-93a7-40e4-9bc5-7e8d91a2b2c6"), e => e.Team, GoodPracticeMail.Proposed);
