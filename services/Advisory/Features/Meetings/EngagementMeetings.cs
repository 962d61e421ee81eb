using Cro.Advisory.Features.Engagements;

namespace Cro.Advisory.Features.Meetings;

/// <summary>
/// What an engagement's meetings still to come do when the engagement changes: they are cancelled when it ends, and go
/// to the new advisor when it is handed over — each announced again (SEQUENCE + 1), so the new advisor gets the
/// invitation and the reminders, and every attendee's calendar names the new advisor.
/// </summary>
public sealed class EngagementMeetings : IEngagementObserver
{
    public Task EngagementEndingAsync(DataSession session, Guid engagementId, string reason, DateTimeOffset now) =>
        CancelMeeting.CancelAllAsync(session, engagementId, reason, now);

    public async Task AdvisorChangedAsync(DataSession session, Guid engagementId, Guid advisorId, DateTimeOffset now)
    {
        var moved = await session.QueryAsync<(Guid Id, string Status)>($"""
            UPDATE meetings SET advisor_id = @advisorId, sequence = sequence + 1
            WHERE engagement_id = @engagementId AND status IN ('{MeetingStatus.Booked}', '{MeetingStatus.AwaitingApproval}')
            RETURNING id, status
            """, new { engagementId, advisorId });
        // One awaiting approval was never announced; it will be when approved.
        foreach (var (id, _) in moved.Where(m => m.Status == MeetingStatus.Booked))
        {
            var meeting = (await MeetingStore.FindAsync(session, id))!;
            await session.EnqueueAsync(await MeetingStore.BookedEventAsync(session, meeting, previousStartsAt: null, now));
        }
    }
}
