/// The version of this build, recorded in every import batch.
public enum DossierVersion {
    public static let current = "0.1.0"
}
