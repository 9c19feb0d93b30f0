using System.Diagnostics;
using AzureLocalUpgrade.Engine.Diagnostics;
using AzureLocalUpgrade.Engine.Inputs;
using AzureLocalUpgrade.Engine.Loading;

namespace AzureLocalUpgrade.Engine.Tests.Inputs;

/// <summary>The one bounded reader: only regular files, the size checked first, never more than the limit read.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("alu-input-").FullName;

    private static bool Unix => !OperatingSystem.IsWindows() && File.Exists("/dev/zero");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_regular_file_within_the_limit_is_read_whole()
    {
        var path = Write("a.yaml", "kind: Runbook\n");

        var read = InputFile.Read(path, 14);

        read.Succeeded.Should().BeTrue();
        read.Text().Should().Be("kind: Runbook\n");
    }

    [Fact]
    public void A_file_one_byte_over_the_limit_is_refused()
    {
        var path = Write("a.yaml", "kind: Runbook\n");

        InputFile.Read(path, 13).Problem.Should().Be(InputProblem.TooLarge);
    }

    [Fact]
    public void A_300_MB_file_is_refused_before_a_byte_is_read()
    {
        var path = Path.Combine(_dir, "huge.yaml");
        using (var file = new FileStream(path, FileMode.Create))
        {
            file.SetLength(300L * 1024 * 1024);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = InputFile.Read(path, InputLimits.YamlDocument);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        read.Problem.Should().Be(InputProblem.TooLarge);
        read.Size.Should().Be(300L * 1024 * 1024);
        allocated.Should().BeLessThan(64 * 1024);
    }

    [Fact]
    public void An_endless_device_is_refused_as_a_device()
    {
        if (!Unix)
        {
            return;
        }

        var read = InputFile.Read("/dev/zero", InputLimits.YamlDocument);

        read.Problem.Should().Be(InputProblem.NotRegularFile);
        read.ToDiagnostic().Code.Should().Be(InputCodes.NotRegularFile);
        read.ToDiagnostic().Message.Should().Contain("character device");
    }

    [Fact]
    public async Task A_fifo_is_refused_without_being_opened()
    {
        if (!Unix)
        {
            return;
        }

        var fifo = Fifo("pipe.yaml");

        // On a thread of its own: opening a FIFO for reading would wait for a writer for ever.
        var read = await Task.Run(() => InputFile.Read(fifo, InputLimits.YamlDocument)).WaitAsync(TimeSpan.FromSeconds(10));

        read.Problem.Should().Be(InputProblem.NotRegularFile);
        read.Describe().Should().Contain("FIFO");
    }

    [Fact]
    public async Task The_yaml_loader_reports_a_fifo_as_ALU1020_at_the_file()
    {
        if (!Unix)
        {
            return;
        }

        var bag = new DiagnosticBag();
        var fifo = Fifo("pipe.yaml");

        await Task.Run(() => YamlSourceLoader.Load(fifo, bag)).WaitAsync(TimeSpan.FromSeconds(10));

        bag.Items.Should().ContainSingle().Which.Code.Should().Be(InputCodes.NotRegularFile);
    }

    [Fact]
    public void A_folder_is_unreadable_not_missing()
    {
        InputFile.Read(_dir, 100).ToDiagnostic().Code.Should().Be(DiagnosticCodes.FileUnreadable);
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        InputFile.Read(Path.Combine(_dir, "nope.yaml"), 100).ToDiagnostic().Code.Should().Be(DiagnosticCodes.FileNotFound);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Fifo(string name)
    {
        var path = Path.Combine(_dir, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        return path;
    }
}
