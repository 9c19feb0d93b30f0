namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Bounds on what the loader accepts, so a hostile or broken file is refused quickly instead of
/// exhausting memory or the stack. Runbooks are far below every limit.
/// </summary>
public sealed record LoadLimits(long MaxFileBytes, int MaxDepth, long MaxExpandedNodes)
{
    public static readonly LoadLimits Default = new(MaxFileBytes: 1024 * 1024, MaxDepth: 64, MaxExpandedNodes: 100_000);
}
