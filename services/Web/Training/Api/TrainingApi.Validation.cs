using System.Net.Http.Json;
using Cro.Web.Api;

namespace Cro.Web.Training.Api;

/// <summary>Question banks (operators write them, trainers read them) and the participants' pre-tests and post-tests.</summary>
public sealed partial class TrainingApi
{
    public Task<ApiResult<QuestionBankView>> QuestionBankAsync(string moduleCode, CancellationToken ct) =>
        GetAsync<QuestionBankView>($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/questions", ct);

    public Task<ApiResult<QuestionView>> AddQuestionAsync(string moduleCode, QuestionRequest question, CancellationToken ct) =>
        SendAsync<QuestionView>(() => http.PostAsJsonAsync($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/questions", question, ct), ct);

    public Task<ApiResult<object>> DeleteQuestionAsync(Guid id, CancellationToken ct) =>
        SendAsync<object>(() => http.DeleteAsync($"/api/training/questions/{id}", ct), ct);

    public Task<ApiResult<QuestionBankView>> ChangeTestSettingsAsync(string moduleCode, TestSettings settings, CancellationToken ct) =>
        SendAsync<QuestionBankView>(() => http.PutAsJsonAsync($"/api/training/modules/{Uri.EscapeDataString(moduleCode)}/tests/settings", settings, ct), ct);

    /// <summary>Starts the test (201) or gives back the attempt in progress (200); 409 when it is closed or no attempt is left.</summary>
    public Task<ApiResult<AttemptView>> StartTestAsync(string moduleCode, string kind, CancellationToken ct) =>
        SendAsync<AttemptView>(() => http.PostAsync($"/api/training/me/modules/{Uri.EscapeDataString(moduleCode)}/tests/{kind}", null, ct), ct);

    /// <summary>The attempt in progress; 404 when there is none.</summary>
    public Task<ApiResult<AttemptView>> CurrentTestAsync(string moduleCode, string kind, CancellationToken ct) =>
        GetAsync<AttemptView>($"/api/training/me/modules/{Uri.EscapeDataString(moduleCode)}/tests/{kind}", ct);

    /// <summary>One of the caller's attempts; one whose time ran out comes back finished and scored.</summary>
    public Task<ApiResult<AttemptView>> AttemptAsync(Guid id, CancellationToken ct) => GetAsync<AttemptView>($"/api/training/attempts/{id}", ct);

    /// <summary>Saves one answer as given; 409 once the attempt is finished or its time is up.</summary>
    public Task<ApiResult<SavedAnswer>> SaveAnswerAsync(Guid attemptId, Guid questionId, AnswerRequest answer, CancellationToken ct) =>
        SendAsync<SavedAnswer>(() => http.PutAsJsonAsync($"/api/training/attempts/{attemptId}/answers/{questionId}", answer, ct), ct);

    /// <summary>Hands the test in; finishing it again answers the same result.</summary>
    public Task<ApiResult<AttemptView>> FinishAttemptAsync(Guid attemptId, CancellationToken ct) =>
        SendAsync<AttemptView>(() => http.PostAsync($"/api/training/attempts/{attemptId}/finish", null, ct), ct);
}
