/// The text of `Pipelines/default.yml`, built in so that `vndoc` works from any directory.
/// A test checks that the two are identical.
let defaultPipelineYAML = """
# The default vndoc pipeline: stages run in this order over every document.
# Each stage may take options; `vndoc stages` lists them. Copy this file to start your own
# and pass it with --pipeline.
name: default
stages:
  - read:
      encoding: auto          # auto, utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, viscii, vps, viqr
      legacy: auto            # auto: decode legacy fonts (.VnTime, VNI-Times), repair legacy text; off
      max_bytes: 268435456    # refuse files larger than 256 MiB
  - normalize:
      tones: official         # official (hòa, khỏe, thủy), main-vowel (hoà, khoẻ, thuỷ) or keep
      whitespace: true
  - segment:
      join_wrapped_lines: auto  # auto, always, never
  - entities
  - structure             # kind, administrative header, questionnaire/news/TWG records

"""
