/// The one place that knows every stage by its pipeline-file name.
public enum StageRegistry {
    public static let all: [any Stage.Type] = [ReadStage.self, NormalizeStage.self, SegmentStage.self, EntitiesStage.self, StructureStage.self]

    public static func stage(named name: String) -> (any Stage.Type)? {
        all.first { $0.name == name }
    }
}
