namespace Cro.Advisory.Features.Dialogue;

internal static class DialogueStore
{
    public static Task<DialogueMeetingRow?> FindAsync(DataSession session, Guid id, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<DialogueMeetingRow>(DialogueMeetingRow.Select + " WHERE d.id = @id" + (forUpdate ? " FOR UPDATE OF d" : ""),
            new { id });

    public static async Task<DialogueMeetingView> ViewAsync(DataSession session, DialogueMeetingRow row) => row.ToView((await session.QueryAsync<DialogueAttachment>(
        """
        SELECT id, file_name, content_type, size_bytes, uploaded_at FROM dialogue_attachments
        WHERE dialogue_meeting_id = @Id ORDER BY uploaded_at, id
        """, new { row.Id })).ToList());

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego spotkania dialogowego albo nie masz do niego dostępu.",
        "There is no such dialogue meeting, or you have no access to it.");
}
