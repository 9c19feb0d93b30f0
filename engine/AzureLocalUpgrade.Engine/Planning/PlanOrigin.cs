namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// Where the plan's inputs came from, as paths relative to the saved plan's folder (or the working directory when
/// the plan is only printed), so a saved plan can be re-run exactly without absolute paths in its body.
/// </summary>
public sealed record PlanOrigin(string RunbookPath, string InventoryPath)
{
    public static PlanOrigin Relative(string runbookPath, string inventoryPath, string baseDirectory) =>
        new(RelativeTo(baseDirectory, runbookPath), RelativeTo(baseDirectory, inventoryPath));

    private static string RelativeTo(string baseDirectory, string path) =>
        Path.GetRelativePath(Path.GetFullPath(baseDirectory), Path.GetFullPath(path)).Replace('\\', '/');
}
