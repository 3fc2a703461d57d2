/// Why a backup or a restore did not happen. Nothing was replaced in either case.
public enum BackupFailure: DossierFailure {
    /// The fresh copy did not pass its check; it was deleted.
    case copyFailedCheck(destination: String, problems: [Finding])
    /// The backup to restore from did not pass its check.
    case backupFailedCheck(backup: String, problems: [Finding])
    /// The archive holds changes made after the backup's newest; restoring would lose them.
    case archiveNewer(archive: String, archiveNewest: String, backupNewest: String?)

    public var exitCode: Int32 {
        switch self {
        case .copyFailedCheck, .backupFailedCheck: 1
        case .archiveNewer: 2
        }
    }

    public var description: String {
        switch self {
        case .copyFailedCheck(let destination, let problems):
            return
                "the copy for \(destination) failed its check (\(problems.count) problems, first: \(problems.first?.summary ?? "?")); "
                + "it was deleted and nothing was written to \(destination): run `dossier check` on the archive"
        case .backupFailedCheck(let backup, let problems):
            return "backup \(backup) failed its check (\(problems.count) problems, first: \(problems.first?.summary ?? "?")); "
                + "nothing was restored: choose another backup"
        case .archiveNewer(let archive, let archiveNewest, let backupNewest):
            return
                "\(archive) has changes from \(archiveNewest), newer than anything in the backup (\(backupNewest ?? "empty")); "
                + "restoring would lose them: pass --force to restore anyway (the archive is kept as \(archive).before-restore)"
        }
    }
}
