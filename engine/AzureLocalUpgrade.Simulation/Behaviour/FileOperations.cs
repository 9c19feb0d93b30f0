using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>The parts of a node's file system procedures use: folders, mounted ISOs and extracted setup media.</summary>
internal static class FileOperations
{
    public const string SetupExecutable = "setup.exe";

    public static bool Exists(NodeState node, string path)
    {
        var p = FilePaths.Normalize(path);
        if (node.FindFile(p) is not null || node.Files.Exists(f => f.Path.StartsWith(p.TrimEnd('\\') + "\\", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // A mounted ISO's drive, and setup.exe inside an extracted media folder or a mounted drive.
        if (FilePaths.DriveRootLetter(p) is { } letter && node.MountedImages.Exists(m => m.DriveLetter == letter))
        {
            return true;
        }

        return MediaReleaseAt(node, p) is not null;
    }

    /// <summary>The release of the setup media whose setup.exe is at <paramref name="setupPath"/>, or null.</summary>
    public static string? MediaReleaseAt(NodeState node, string setupPath)
    {
        var p = FilePaths.Normalize(setupPath);
        if (!p.EndsWith("\\" + SetupExecutable, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var folder = p[..^(SetupExecutable.Length + 1)];
        if (folder.Length == 2 && folder[1] == ':')
        {
            var letter = folder[..1].ToUpperInvariant();
            return node.MountedImages.Find(m => m.DriveLetter == letter)?.Release;
        }

        return MediaFolderRelease(node, folder);
    }

    public static string? MediaFolderRelease(NodeState node, string folder) =>
        node.FindFile(FilePaths.Normalize(folder))?.MediaRelease;

    public static void CreateDirectory(NodeState node, string path, bool force)
    {
        var p = FilePaths.Normalize(path);
        if (node.FindFile(p) is not null)
        {
            if (force)
            {
                return;
            }

            throw new SimulationException(
                "DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand",
                ErrorCategory.ResourceExists,
                $"An item with the specified name {p} already exists.");
        }

        // Like New-Item, intermediate folders are created too.
        for (var current = p; current is not null && node.FindFile(current) is null; current = FilePaths.Parent(current))
        {
            node.Files.Add(new FileEntryState { Path = current, IsDirectory = true });
        }
    }

    /// <summary>Writes (or replaces) a text file, creating its folder as New-Item would.</summary>
    public static void WriteText(NodeState node, string path, string text)
    {
        var p = FilePaths.Normalize(path);
        if (FilePaths.Parent(p) is { } folder && node.FindFile(folder) is null)
        {
            CreateDirectory(node, folder, force: true);
        }

        node.Files.RemoveAll(f => string.Equals(f.Path, p, StringComparison.OrdinalIgnoreCase));
        node.Files.Add(new FileEntryState { Path = p, Text = text });
    }

    /// <summary>A text file's content, as Get-Content reads it; an error naming the path when there is none.</summary>
    public static string ReadText(NodeState node, string path)
    {
        var p = FilePaths.Normalize(path);
        return node.FindFile(p) switch
        {
            { IsDirectory: false, Text: { } text } => text,
            { IsDirectory: true } => throw new SimulationException(
                "GetContentReaderUnauthorizedAccessError,Microsoft.PowerShell.Commands.GetContentCommand",
                ErrorCategory.PermissionDenied,
                $"Access to the path '{p}' is denied (it is a folder)."),
            _ => throw new SimulationException(
                "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand",
                ErrorCategory.ObjectNotFound,
                $"Cannot find path '{p}' because it does not exist."),
        };
    }

    public static MountedImageState Mount(NodeState node, string imagePath)
    {
        var release = SimulatedReleases.ReleaseFromMediaName(imagePath) ?? throw new SimulationException(
            "UnknownSetupMedia",
            ErrorCategory.InvalidData,
            $"'{imagePath}' is not Azure Local setup media the simulator recognises: the file name must contain 23H2 or 2503 (version 23H2), or 24H2 or 2505 (version 24H2).");
        var existing = node.MountedImages.Find(m => string.Equals(m.ImagePath, imagePath, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            return existing;
        }

        var used = node.MountedImages.Select(m => m.DriveLetter).ToHashSet(StringComparer.Ordinal);
        var letter = "DEFGHIJKLMNOPQRSTUVWXYZ".Select(c => c.ToString()).First(l => !used.Contains(l));
        var image = new MountedImageState { ImagePath = imagePath, DriveLetter = letter, Release = release };
        node.MountedImages.Add(image);
        return image;
    }

    public static void Dismount(NodeState node, string imagePath) =>
        node.MountedImages.RemoveAll(m => string.Equals(m.ImagePath, imagePath, StringComparison.OrdinalIgnoreCase));

    /// <summary>Copy-Item from a mounted ISO's drive stages its setup media in the destination folder.</summary>
    public static void Copy(NodeState node, string source, string destination)
    {
        var dest = FilePaths.Normalize(destination);
        var letter = FilePaths.DriveRootLetter(source);
        var image = letter is null ? null : node.MountedImages.Find(m => m.DriveLetter == letter);
        string? release;
        if (image is not null)
        {
            release = image.Release;
        }
        else
        {
            // Copying an already extracted media folder (e.g. from one local path to another).
            var from = FilePaths.Normalize(source).TrimEnd('*').TrimEnd('\\');
            release = MediaFolderRelease(node, from);
            if (release is null && !Exists(node, from))
            {
                throw new SimulationException(
                    "PathNotFound,Microsoft.PowerShell.Commands.CopyItemCommand",
                    ErrorCategory.ObjectNotFound,
                    $"Cannot find path '{source}' because it does not exist.");
            }
        }

        CreateDirectory(node, dest, force: true);
        node.FindFile(dest)!.MediaRelease = release;
    }
}
