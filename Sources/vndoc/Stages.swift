import ArgumentParser
import Pipeline

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stages a pipeline file can use, with their options.",
        discussion: """
        Examples:
          vndoc stages
          vndoc stages | grep -A3 '^normalize'    # the options of one stage
        """
    )

    func run() {
        for stage in StageRegistry.all {
            let needs = stage.requires.map(\.rawValue).sorted().joined(separator: ", ")
            print("\(stage.name): \(stage.summary)")
            print("  needs: \(needs.isEmpty ? "nothing" : needs); provides: \(stage.provides.map(\.rawValue).sorted().joined(separator: ", "))")
            for option in stage.options { print("  \(option.key): \(option.help)") }
        }
    }
}
