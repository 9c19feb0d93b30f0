using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Model;

/// <param name="Method">cau | sconfig | offline | wac | post-upgrade | custom.</param>
public sealed record RunbookMetadata(
    string Name,
    string Version,
    string? Description,
    UpgradePath? Upgrade,
    string? Method,
    SourceSpan Span);

/// <param name="From">22H2 | 23H2 | 24H2.</param>
/// <param name="To">23H2 | 24H2.</param>
public sealed record UpgradePath(string From, string To);
