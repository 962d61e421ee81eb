using System.Net;

namespace Cro.Web.Api;

/// <summary>
/// A service's answer as pages use it: the value, or what was wrong (by field where the API said so,
/// so a form can show each message beside its field; otherwise as general messages). <see cref="ServiceCall"/>
/// makes one of every call of a generated client.
/// </summary>
public sealed record ApiResult<T>(T? Value, FormErrors Errors, HttpStatusCode Status)
{
    public bool Succeeded => !Errors.Any;

    /// <summary>An answer that never came (the service could not be reached), with the message to show.</summary>
    public static ApiResult<T> Failed(string message, HttpStatusCode status) => new(default, new FormErrors().AddGeneral(message), status);
}
