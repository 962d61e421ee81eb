using Cro.BuildingBlocks.Persistence;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Dapper;
using Npgsql;

namespace Cro.Notifications.Features.Erasure;

/// <summary>
/// Erasure (RODO art. 17): the person's stored mail keeps its status and dates, for the record, but
/// loses the address and every word; mail not yet sent is cancelled; and nothing more is queued for them.
/// </summary>
public sealed class PersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override Task HandleAsync(PersonErased message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO erased_people (user_id, erased_at) VALUES (@userId, @erasedAt)
            ON CONFLICT (user_id) DO NOTHING;
            -- last_error goes too: an SMTP server's refusal usually quotes the address.
            UPDATE outgoing_mail
            SET recipient = 'erased-' || user_id || '@invalid', subject = '', html = '', text = '', last_error = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END
            WHERE user_id = @userId;
            -- Mail sent before the person had an account (an application's draft link) is found by the address.
            UPDATE outgoing_mail
            SET recipient = 'erased-' || id || '@invalid', subject = '', html = '', text = '', last_error = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END
            WHERE user_id IS NULL AND lower(recipient) = lower(@email);
            """, new { userId = message.UserId, erasedAt = message.ErasedAt.ToUniversalTime(), email = message.Email ?? "" });
}
