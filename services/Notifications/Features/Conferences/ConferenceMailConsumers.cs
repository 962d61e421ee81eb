using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.Mail;
using Cro.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.Conferences;

// Each queues its one mail in the inbox transaction; MailSender delivers it. Participants have no accounts: the mail is kept
// by the address alone (the data export and erasure find it by the address).

/// <summary>The link that confirms a conference registration.</summary>
public sealed class ConferenceRegistrationReceivedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens)
    : SingleMailConsumer<ConferenceRegistrationReceived>(dataSource, _ => null, r => r.Email, r => ConferenceMail.Received(r, tokens));

/// <summary>The confirmed place, with the conference as a calendar event.</summary>
public sealed class ConferenceRegistrationConfirmedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens, IOptions<MailOptions> mail)
    : SingleMailConsumer<ConferenceRegistrationConfirmed>(dataSource, _ => null, r => r.Email,
        r => ConferenceMail.Confirmed(r, tokens, mail.Value.CalendarOrganizer()));

/// <summary>A freed place held for the next person on the waitlist.</summary>
public sealed class ConferencePlaceOfferedConsumer(NpgsqlDataSource dataSource, LinkTokens tokens)
    : SingleMailConsumer<ConferencePlaceOffered>(dataSource, _ => null, r => r.Email, r => ConferenceMail.Offered(r, tokens));

/// <summary>A registration that ended, with the calendar event's cancellation when the place was confirmed.</summary>
public sealed class ConferenceRegistrationEndedConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail)
    : SingleMailConsumer<ConferenceRegistrationEnded>(dataSource, _ => null, r => r.Email, r => ConferenceMail.Ended(r, mail.Value.CalendarOrganizer()));
