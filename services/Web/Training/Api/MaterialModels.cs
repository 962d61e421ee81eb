namespace Cro.Web.Training.Api;

/// <summary>
/// A material: kind lesson (sanitised HTML and its Markdown, only when read one by one), link (its address) or
/// file (name, type, size; the bytes come through a download relay).
/// </summary>
public sealed record MaterialView(Guid Id, string ModuleCode, string Kind, string Title, bool IsPublic, string? Url, string? FileName,
    string? ContentType, long? SizeBytes, string? Html, string? Markdown, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string Lesson = "lesson";
    public const string Link = "link";
    public const string File = "file";
}

/// <summary>POST /api/training/modules/{code}/materials/lessons.</summary>
public sealed record NewLesson(string Title, string Markdown, bool IsPublic);

/// <summary>POST /api/training/modules/{code}/materials/links.</summary>
public sealed record NewLink(string Title, string Url, bool IsPublic);

/// <summary>PUT /api/training/materials/{id}: a lesson needs its Markdown, a link its address, every time.</summary>
public sealed record MaterialChange(string Title, bool IsPublic, string? Markdown, string? Url);
