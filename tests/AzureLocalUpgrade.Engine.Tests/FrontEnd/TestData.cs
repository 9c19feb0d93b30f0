namespace AzureLocalUpgrade.Engine.Tests.FrontEnd;

/// <summary>Paths of the fixtures copied beside the test assembly.</summary>
internal static class TestData
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string Valid(string name) => Path.Combine(Root, "valid", name);

    public static string Invalid(string name) => Path.Combine(Root, "invalid", name);

    /// <summary>Writes text to a fresh temporary .yaml file (for cases a fixture cannot express, e.g. generated size).</summary>
    public static string WriteTemp(string text, string name = "case.yaml")
    {
        var folder = Path.Combine(Path.GetTempPath(), "alu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
