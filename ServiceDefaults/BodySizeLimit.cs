namespace Cro.ServiceDefaults;

/// <summary>An endpoint's limit on the request body, which routing gives the server before the body is read (413 past it).</summary>
public sealed class BodySizeLimit(long bytes) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;
}
