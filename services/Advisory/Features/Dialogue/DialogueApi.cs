using Microsoft.Extensions.Options;

namespace Cro.Advisory.Features.Dialogue;

public static class DialogueApi
{
    public static IEndpointRouteBuilder MapDialogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/advisory").WithTags("Spotkania dialogowe i debaty oświatowe / Dialogue meetings and education debates");
        api.MapPlanDialogueMeeting();
        api.MapRecordDialogueMeeting();
        api.MapDialogueAttachments(app.ServiceProvider.GetRequiredService<IOptions<DialogueOptions>>().Value.MaxFileBytes);
        api.MapListDialogueMeetings();
        api.MapPublicDebateRegistration();
        return app;
    }
}
