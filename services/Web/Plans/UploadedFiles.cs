using System.Net;

namespace Cro.Web.Plans;

/// <summary>
/// How the plan's pages pass a file from a browser's form on to monitoring (the council's resolution, a report's evidence),
/// and how they show what the service refused about it.
/// </summary>
public static class UploadedFiles
{
    /// <summary>Sends <paramref name="file"/> held in memory, so a retry of the call can send the bytes again.</summary>
    public static async Task<T> SendAsync<T>(IFormFile file, Func<Stream, Task<T>> send)
    {
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        content.Position = 0;
        return await send(content);
    }

    /// <summary>
    /// The service's refusal of the file itself (400 without a usable one, 413 too large, 415 not a kind it takes) as messages
    /// of the form's file field <paramref name="fieldKey"/>, where the person chose it; anything else (409: the version or
    /// report is not in a state to take it) as it came.
    /// </summary>
    /// <param name="into">The form's errors so far (several files in one form), added to; else new ones.</param>
    public static FormErrors Refusal<T>(ApiResult<T> result, string fieldKey, FormErrors? into = null)
    {
        var errors = into ?? new FormErrors();
        var aboutTheFile = result.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType;
        foreach (var message in result.Errors.General)
        {
            if (aboutTheFile)
            {
                errors.Add(fieldKey, message);
            }
            else
            {
                errors.AddGeneral(message);
            }
        }
        foreach (var (key, messages) in result.Errors.Fields)
        {
            foreach (var message in messages)
            {
                errors.Add(aboutTheFile ? fieldKey : key, message);
            }
        }
        return errors;
    }
}
