namespace Cro.Training.Features.Materials;

/// <summary>Limits of uploaded material files (configuration section Training:Materials).</summary>
public sealed class MaterialsOptions
{
    /// <summary>The largest file accepted: slides with pictures fit in 25 MB; films belong on a video platform, linked.</summary>
    public long MaxFileBytes { get; set; } = 25 * 1024 * 1024;
}
