using Cro.Notifications.Features.Delivery;

namespace Cro.Notifications.Features.Mail;

/// <summary>
/// Queues the mail about an application for its team's coordinator in the inbox transaction;
/// <see cref="MailSender"/> delivers it. The coordinator may have no account yet: the mail is stored
/// under their team member id.
/// </summary>
/// <param name="coordinator">Who the event's mail goes to.</param>
/// <param name="render">The mail itself.</param>
public abstract class CoordinatorMailConsumer<TEvent>(NpgsqlDataSource dataSource,
    Func<TEvent, TaskTeamMember> coordinator, Func<TEvent, RenderedMail> render)
    : SingleMailConsumer<TEvent>(dataSource, message => coordinator(message).MemberId, message => coordinator(message).Email, render)
    where TEvent : class;
